using System.Buffers;
using Microsoft.AspNetCore.WebUtilities;

namespace QuettaVoice.Web.Hosting;

/// <summary>
/// A response written with synchronous APIs, held until it is copied out asynchronously (Kestrel refuses
/// synchronous writes): in pooled pieces of 64 KB while it is small, in ASP.NET Core's own buffer, which goes
/// to a temporary file, once it passes <paramref name="memoryLimit"/>. That buffer alone holds memory in pooled
/// pages of 1 KB: a feed of twenty stories took 135 of them, more than the pool keeps, so on a busy server most
/// were new garbage for every reader.
/// </summary>
public sealed class HeldResponse(int memoryLimit) : WriteOnlyStream
{
    private const int PieceSize = 64 * 1024;

    /// <summary>
    /// Pieces of their own: the shared pool keeps only a few dozen arrays of a size, fewer than a burst of feed
    /// readers holds at once, and each one it could not take back was a 64 KB array for the collector.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(PieceSize, maxArraysPerBucket: 256);

    private readonly List<byte[]> pieces = [];
    private int lastPieceLength;
    private FileBufferingWriteStream? spilled;

    /// <summary>The bytes held so far.</summary>
    public long HeldLength => spilled?.Length ?? (pieces.Count == 0 ? 0 : (long)(pieces.Count - 1) * PieceSize + lastPieceLength);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (spilled is null && HeldLength + buffer.Length > memoryLimit)
        {
            spilled = new FileBufferingWriteStream(memoryThreshold: 0);
            foreach (var (piece, length) in Pieces())
            {
                spilled.Write(piece, 0, length);
            }

            ReturnPieces();
        }

        if (spilled is not null)
        {
            spilled.Write(buffer);
            return;
        }

        while (buffer.Length > 0)
        {
            if (pieces.Count == 0 || lastPieceLength == PieceSize)
            {
                pieces.Add(Pool.Rent(PieceSize));
                lastPieceLength = 0;
            }

            var length = Math.Min(buffer.Length, PieceSize - lastPieceLength);
            buffer[..length].CopyTo(pieces[^1].AsSpan(lastPieceLength));
            lastPieceLength += length;
            buffer = buffer[length..];
        }
    }

    public override void Flush()
    {
    }

    /// <summary>Copies what is held to <paramref name="destination"/>.</summary>
    public async Task CopyOutAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (spilled is not null)
        {
            await spilled.DrainBufferAsync(destination, cancellationToken);
            return;
        }

        foreach (var (piece, length) in Pieces())
        {
            await destination.WriteAsync(piece.AsMemory(0, length), cancellationToken);
        }
    }

    private IEnumerable<(byte[] Piece, int Length)> Pieces() =>
        pieces.Select((piece, i) => (piece, i == pieces.Count - 1 ? lastPieceLength : PieceSize));

    private void ReturnPieces()
    {
        foreach (var piece in pieces)
        {
            Pool.Return(piece);
        }

        pieces.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReturnPieces();
            spilled?.Dispose();
            spilled = null;
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        ReturnPieces();
        if (spilled is not null)
        {
            await spilled.DisposeAsync();
            spilled = null;
        }

        // Stream's own DisposeAsync calls Dispose, which finds nothing left to release.
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
