using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Data.CompiledModels.Postgres;
using QuettaVoice.Web.Data.CompiledModels.Sqlite;

namespace QuettaVoice.Tests.Data;

public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => [nameof(SqliteNewsDb), nameof(PostgresNewsDb)];

    /// <summary>
    /// The site starts on the model compiled into <c>Data/CompiledModels</c>, not on the one the configurations
    /// describe: they must be the same, or the site would read and write with yesterday's mappings.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_is_the_model_the_configurations_build(string context)
    {
        using var db = Open(context);

        // What EF builds from OnModelCreating when no compiled model is found: the same kind of model, ready to compare.
        var built = db.GetService<IModelSource>().GetModel(db, db.GetService<ModelCreationDependencies>(), designTime: false);

        var (expected, actual) = (Describe(built).Split('\n'), Describe(CompiledModel(context)).Split('\n'));
        var firstDifference = expected.Zip(actual).FirstOrDefault(lines => lines.First != lines.Second);
        Assert.True(expected.SequenceEqual(actual),
            $"The compiled model is out of date: run dotnet ef dbcontext optimize --context {context} (see README, Layout). "
            + $"Built from the configurations: \"{firstDifference.First}\"; compiled: \"{firstDifference.Second}\".");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_site_uses_the_compiled_model(string context)
    {
        using var db = Open(context);

        Assert.Same(CompiledModel(context), db.Model);
    }

    private static NewsDb Open(string context) => context == nameof(SqliteNewsDb)
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    private static IModel CompiledModel(string context) =>
        context == nameof(SqliteNewsDb) ? SqliteNewsDbModel.Instance : PostgresNewsDbModel.Instance;

    /// <summary>
    /// The model's annotations and entity types as EF describes them (keys, relationships, indexes, tables), and
    /// what that leaves out: how each property's values are converted and stored. Ad-hoc entity types, which a
    /// model in use gains from raw SQL queries, are no part of it.
    /// </summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var annotation in model.GetAnnotations())
        {
            text.AppendLine(annotation.Name + ": " + annotation.Value);
        }

        foreach (var entityType in model.GetEntityTypes())
        {
            text.AppendLine(entityType.ToDebugString(MetadataDebugStringOptions.LongDefault));
            foreach (var property in entityType.GetDeclaredProperties())
            {
                var mapping = (RelationalTypeMapping?)property.FindTypeMapping();
                text.AppendLine(string.Join(" ", property.Name, property.GetValueConverter()?.GetType().Name,
                    property.GetProviderClrType()?.Name, mapping?.StoreType, mapping?.Converter?.GetType().Name));
            }
        }

        return text.ToString();
    }
}
