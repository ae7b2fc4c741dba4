using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using QuettaVoice.Web.Data;
using StackExchange.Redis;

namespace QuettaVoice.Web.Scaling;

/// <summary>
/// The key ring the instances share in Redis, with a copy in the data folder of the ring as last read from Redis.
/// Every story page carries a form token sealed with the key ring, and an instance that starts while Redis is down
/// has no keys in memory yet: without the copy every story answered 500 until Redis came back. With it, the
/// instance seals and opens tokens and cookies with the keys every instance shares, so a form served by one is
/// still good on another. The copy is the whole ring in one file, replaced whole each time Redis's ring is read
/// and found changed, so a key deleted from Redis or a revocation added there is not missed by it. The instances
/// share the data folder, so one that has never reached Redis itself uses the copy another made; with no copy at
/// all, it fails as before. A new key is made only in Redis, where every instance can read it.
/// </summary>
public sealed partial class KeyRingWithLocalCopy(IXmlRepository shared, DataFolder data, ILogger<KeyRingWithLocalCopy> log) : IXmlRepository
{
    /// <summary>The folder of the data folder that holds the copy, readable by the site's own user alone.</summary>
    public const string FolderName = "keys-from-redis";

    /// <summary>The copy's file in that folder.</summary>
    public const string FileName = "key-ring.xml";

    private readonly string folder = data.File(FolderName);

    private string CopyPath => Path.Combine(folder, FileName);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        IReadOnlyCollection<XElement> elements;
        try
        {
            elements = shared.GetAllElements();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            var copied = ReadCopy();
            if (copied.Count == 0)
            {
                throw;
            }

            LogReadFromCopy(copied.Count);
            return copied;
        }

        try
        {
            var ring = new XElement("keyRing", elements);
            if (!XNode.DeepEquals(ring, new XElement("keyRing", ReadCopy())))
            {
                WriteCopy(ring);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            // The copy is for a later start without Redis; this start has the keys. A copy that cannot be read or
            // written must cost it nothing.
            LogCopyFailed(e);
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName) => shared.StoreElement(element, friendlyName);

    /// <summary>The copied ring's elements; none when there is no copy, or one that cannot be read.</summary>
    private List<XElement> ReadCopy()
    {
        try
        {
            return File.Exists(CopyPath) ? XElement.Load(CopyPath).Elements().ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            LogCopyUnreadable(e);
            return [];
        }
    }

    /// <summary>Written whole under another name, then put in place: a reader finds the old copy or the new one.</summary>
    private void WriteCopy(XElement ring)
    {
        OwnerOnlyFile.Folder(folder);
        var draft = $"{CopyPath}.{Guid.NewGuid():N}.new";
        try
        {
            using (var file = OwnerOnlyFile.CreateNew(draft))
            {
                ring.Save(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(draft, CopyPath, overwrite: true);
        }
        finally
        {
            File.Delete(draft);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis does not answer: the key ring is read from its copy in the data folder ({Count} elements)")]
    private partial void LogReadFromCopy(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key ring's copy in the data folder could not be brought up to date")]
    private partial void LogCopyFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key ring's copy in the data folder cannot be read")]
    private partial void LogCopyUnreadable(Exception exception);
}
