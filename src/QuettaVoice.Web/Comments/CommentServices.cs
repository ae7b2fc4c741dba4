namespace QuettaVoice.Web.Comments;

public static class CommentServices
{
    public static IHostApplicationBuilder AddNewsComments(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<CommentOptions>(builder.Configuration.GetSection(CommentOptions.SectionName));
        builder.Services.AddSingleton<PendingComments>().AddSingleton<IpHasher>().AddSingleton<FormClock>().AddSingleton<CommentRateLimit>();
        return builder;
    }
}
