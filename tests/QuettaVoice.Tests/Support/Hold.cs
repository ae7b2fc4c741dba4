namespace QuettaVoice.Tests.Support;

/// <summary>
/// One step of a request held: <see cref="Reached"/> once the request gets there, and it goes on after
/// <see cref="Release"/>. A test makes a change meanwhile, to see what the request does with it.
/// </summary>
public sealed class Hold
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => reached.Task;

    public void Release() => released.TrySetResult();

    /// <summary>For the held request: says it got here, and waits to be let go.</summary>
    internal Task StopHereAsync()
    {
        reached.TrySetResult();
        return released.Task;
    }
}
