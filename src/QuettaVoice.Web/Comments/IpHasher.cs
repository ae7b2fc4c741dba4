using System.Net;
using System.Security.Cryptography;
using System.Text;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Comments;

/// <summary>
/// Client addresses kept only as an HMAC under a key that lives in the data folder: enough to tell two
/// comments from one address apart for abuse review, useless to anyone who has the database alone.
/// </summary>
public sealed class IpHasher
{
    private const string KeyFileName = "ip-hash.key";
    private const int KeyLength = 32;
    private readonly byte[] key;

    public IpHasher(DataFolder folder) => key = ReadOrMakeKey(folder.File(KeyFileName));

    /// <summary>
    /// The key in <paramref name="path"/>, made there first if there is none. Another instance may make it at the
    /// same moment: the file is created only if absent, so one of them wins, and the other reads the winner's key
    /// once it is whole (a file found shorter than a key is being written, and is read again).
    /// </summary>
    private static byte[] ReadOrMakeKey(string path)
    {
        for (var tries = 1; ; tries++)
        {
            if (!File.Exists(path))
            {
                try
                {
                    using var file = OwnerOnlyFile.CreateNew(path);
                    file.Write(RandomNumberGenerator.GetBytes(KeyLength));
                    file.Flush(flushToDisk: true);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another instance made it first: use theirs.
                }
            }

            var read = File.ReadAllBytes(path);
            if (read.Length == KeyLength)
            {
                return read;
            }

            if (tries == 100)
            {
                throw new InvalidOperationException(
                    $"{path} holds {read.Length} bytes, not a key of {KeyLength}: delete it and start again (comments' address hashes made before will no longer match new ones).");
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(10));
        }
    }

    public string? Hash(IPAddress? address) =>
        address is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(address.ToString())));
}
