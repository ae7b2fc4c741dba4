namespace QuettaVoice.Web.Data;

/// <summary>Secrets the site keeps in its data folder (a one-time password, a hashing key) are readable by their owner alone.</summary>
public static class OwnerOnlyFile
{
    /// <summary>A new file with mode 0600; it fails if the file exists, so an older file's looser mode never carries over.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
