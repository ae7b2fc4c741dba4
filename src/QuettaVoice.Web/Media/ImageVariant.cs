namespace QuettaVoice.Web.Media;

/// <summary>One re-encoded copy of an upload, ready to be written as it is.</summary>
public sealed record ImageVariant(int Width, int Height, byte[] Bytes);
