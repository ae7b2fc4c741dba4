namespace QuettaVoice.Web.Hosting;

/// <summary>
/// Marks an endpoint that is answered without waiting for a render turn (<see cref="RenderTurns"/>): search,
/// which waits for turns of its own, and the health check, which must answer while pages wait.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TakesNoRenderTurnAttribute : Attribute;
