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

    /// <summary>
    /// The folder at <paramref name="path"/>, made or narrowed to mode 0700, for secrets written by code that
    /// creates its files with the default mode (the key ring: a local user who read it could sign cookies).
    /// </summary>
    public static DirectoryInfo Folder(string path)
    {
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        // Made with this mode; one made before by an older version of the site is narrowed, when it is the site's
        // own: one another user made for it (a deploy script's) keeps the mode that user chose.
        var folder = Directory.CreateDirectory(path, ownerOnly);
        if (folder.UnixFileMode != ownerOnly)
        {
            try
            {
                folder.UnixFileMode = ownerOnly;
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return folder;
    }
}
