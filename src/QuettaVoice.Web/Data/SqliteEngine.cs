using SQLitePCL;

namespace QuettaVoice.Web.Data;

/// <summary>Settings of the SQLite library itself, shared by every connection in the process.</summary>
public static class SqliteEngine
{
    /// <summary>
    /// Turns off SQLite's memory statistics. With them on, every allocation SQLite makes takes one lock shared by
    /// the whole process, and under load the requests' threads queued on it: without it the front page took
    /// about 40% less CPU. Nothing in the site reads the statistics.
    /// </summary>
    /// <remarks>
    /// SQLite takes such settings only before its first connection opens (later they change nothing), so the
    /// store's registration makes them, before anything can open one.
    /// </remarks>
    public static void Configure()
    {
        Batteries_V2.Init();
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
