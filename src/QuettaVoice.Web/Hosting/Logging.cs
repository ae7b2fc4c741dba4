using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace QuettaVoice.Web.Hosting;

public static class Logging
{
    /// <summary>
    /// The sinks the <c>Serilog</c> section may name (a <c>Using</c> entry adds another). Named here, so that
    /// reading the section does not open every DLL beside the executable to look for Serilog's, at each start.
    /// </summary>
    private static readonly ConfigurationReaderOptions ConfigurationAssemblies = new(
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly);

    /// <summary>
    /// Structured console logs from configuration (<c>Serilog</c> section), one line per request. Each host keeps
    /// its own logger rather than the process-wide <c>Log.Logger</c>, so hosts side by side (tests) never share lines.
    /// </summary>
    public static IHostApplicationBuilder AddNewsLogging(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration, ConfigurationAssemblies).ReadFrom.Services(services).Enrich.FromLogContext();
                // One JSON object a line for machines in production; a readable line for a person at the console.
                if (development)
                {
                    logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
                }
                else
                {
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request with the path only: query strings (which may carry a search or an address)
    /// and form bodies are never logged.
    /// </summary>
    public static IApplicationBuilder UseNewsRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        });
}
