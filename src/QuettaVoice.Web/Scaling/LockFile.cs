namespace QuettaVoice.Web.Scaling;

/// <summary>An exclusive lock on a file, which the operating system drops when the process ends, however it ends.</summary>
public sealed class LockFile : IAsyncDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream stream;

    private LockFile(FileStream stream) => this.stream = stream;

    public static async Task<LockFile> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new LockFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Another instance holds it.
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
