using System.Threading.RateLimiting;

namespace QuettaVoice.Web.Comments;

public static class CommentServices
{
    public static IHostApplicationBuilder AddNewsComments(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CommentOptions.SectionName);
        builder.Services.Configure<CommentOptions>(section);
        builder.Services.AddSingleton<PendingComments>().AddSingleton<IpHasher>().AddSingleton<FormClock>();

        // Comment posts are limited per client address, a minute's window and an hour's together; every other
        // request passes. A refused post gets a 429, shown by the friendly status page.
        var options = section.Get<CommentOptions>() ?? new CommentOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerClient(options.PerMinute, TimeSpan.FromMinutes(1)),
                PerClient(options.PerHour, TimeSpan.FromHours(1)));
        });
        return builder;
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsCommentPost(context.Request)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsCommentPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && string.Equals(request.Query["handler"], "Comment", StringComparison.OrdinalIgnoreCase);
}
