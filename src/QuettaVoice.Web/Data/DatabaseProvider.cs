namespace QuettaVoice.Web.Data;

/// <summary>The engines the store runs on, named by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file in the data folder: nothing to install, right for one server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several instances of the site.</summary>
    Postgres,
}
