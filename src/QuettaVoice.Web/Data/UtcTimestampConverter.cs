using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace QuettaVoice.Web.Data;

/// <summary>
/// The site keeps every time in UTC. PostgreSQL's <c>timestamp with time zone</c> only takes a DateTime marked
/// UTC, so values are marked on the way in; on the way out they come back unmarked, as SQLite returns them,
/// so both engines hand the site the same values.
/// </summary>
public sealed class UtcTimestampConverter() : ValueConverter<DateTime, DateTime>(
    time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    time => DateTime.SpecifyKind(time, DateTimeKind.Unspecified));
