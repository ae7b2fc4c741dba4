using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using QuettaVoice.Web.Data;
using StackExchange.Redis;

namespace QuettaVoice.Web.Scaling;

/// <summary>
/// The key ring the instances share in Redis, with a copy in the data folder of the keys last read from it.
/// Every story page carries a form token sealed with the key ring, and an instance that starts while Redis
/// is down has no keys in memory yet: without the copy every story answered 500 until Redis came back. With
/// it, the instance seals and opens tokens and cookies with the keys every instance shares, so a form served
/// by one is still good on another. A new key is made only in Redis (another instance must be able to read
/// it), so an instance that has never reached Redis still cannot start serving forms.
/// </summary>
public sealed partial class KeyRingWithLocalCopy(IXmlRepository shared, DataFolder data, ILoggerFactory logs) : IXmlRepository
{
    /// <summary>The folder of the data folder that holds the copy.</summary>
    public const string FolderName = "keys-from-redis";

    private readonly ILogger log = logs.CreateLogger<KeyRingWithLocalCopy>();
    private readonly string folder = data.File(FolderName);
    private readonly FileSystemXmlRepository copy = new(new DirectoryInfo(data.File(FolderName)), logs);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        IReadOnlyCollection<XElement> elements;
        try
        {
            elements = shared.GetAllElements();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            var copied = copy.GetAllElements();
            if (copied.Count == 0)
            {
                throw;
            }

            LogReadFromCopy(copied.Count);
            return copied;
        }

        try
        {
            OwnerOnlyFile.Folder(folder);
            var kept = copy.GetAllElements();
            foreach (var element in elements.Where(element => !kept.Any(known => XNode.DeepEquals(known, element))))
            {
                copy.StoreElement(element, CopyName(element));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The copy is for a later start without Redis; this start has the keys. Another instance sharing
            // the data folder may be writing the same file at this moment.
            LogCopyFailed(e);
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName) => shared.StoreElement(element, friendlyName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis does not answer: the key ring is read from its copy in the data folder ({Count} elements)")]
    private partial void LogReadFromCopy(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key ring's copy in the data folder could not be brought up to date")]
    private partial void LogCopyFailed(Exception exception);

    /// <summary>A key's file is named by its id; a revocation, which has none, by a new one.</summary>
    private static string CopyName(XElement element) =>
        element.Name.LocalName + "-" + (element.Attribute("id")?.Value ?? Guid.NewGuid().ToString("D"));
}
