using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace QuettaVoice.Tests.Support;

/// <summary>Keeps every log event the site writes, so tests can read its logs as an operator would.</summary>
public sealed class CollectingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events => events.ToList();

    public IReadOnlyList<string> Lines => events.Select(e =>
    {
        using var text = new StringWriter();
        e.RenderMessage(text, CultureInfo.InvariantCulture);
        return $"{text} {string.Join(' ', e.Properties.Select(p => $"{p.Key}={p.Value}"))} {e.Exception}";
    }).ToList();
}
