namespace QuettaVoice.Web.Comments;

public static class CommentServices
{
    public static IServiceCollection AddNewsComments(this IServiceCollection services) =>
        services.AddSingleton<PendingComments>().AddSingleton<IpHasher>();
}
