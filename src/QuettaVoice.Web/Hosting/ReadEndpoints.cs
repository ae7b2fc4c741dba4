namespace QuettaVoice.Web.Hosting;

/// <summary>
/// Endpoints that only read answer HEAD as well as GET, as the pages do: link checkers and feed readers ask HEAD to
/// see whether a feed changed, and MapGet alone answered them 405.
/// </summary>
public static class ReadEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, GetOrHead, handler);
}
