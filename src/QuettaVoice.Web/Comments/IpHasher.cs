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
    private readonly byte[] key;

    public IpHasher(DataFolder folder)
    {
        var path = folder.File(KeyFileName);
        if (!File.Exists(path))
        {
            // Written whole under another name, then put in place only if no other instance was first: created
            // in place, the file could be read empty by an instance starting at the same moment.
            var draft = $"{path}.{Guid.NewGuid():N}.new";
            try
            {
                using (var file = OwnerOnlyFile.CreateNew(draft))
                {
                    file.Write(RandomNumberGenerator.GetBytes(32));
                }

                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance wrote it first: use theirs.
            }
            finally
            {
                File.Delete(draft);
            }
        }

        key = File.ReadAllBytes(path);
    }

    public string? Hash(IPAddress? address) =>
        address is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(address.ToString())));
}
