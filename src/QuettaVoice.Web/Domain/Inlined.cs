using System.Linq.Expressions;
using System.Reflection;

namespace QuettaVoice.Web.Domain;

/// <summary>
/// Lets a rule written once as an expression stand inside queries compiled once (<c>EF.CompileAsyncQuery</c>),
/// which cannot call a method that builds part of a query: within a query, <c>rule.Invoke(...)</c> marks where the
/// rule goes, and <c>Expand</c> puts the rule's own expression there, its parameters bound to the
/// arguments, before EF sees the query. <c>Bind</c> applies a rule to one value for a query not compiled.
/// </summary>
public static class Inlined
{
    private const string OnlyInExpand = "A rule's Invoke stands inside a query given to Inlined.Expand, which replaces it.";

    /// <summary>Marks <paramref name="rule"/> applied to these arguments, for <c>Expand</c> to put in place.</summary>
    public static TResult Invoke<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 first, T2 second) =>
        throw new InvalidOperationException(OnlyInExpand);

    /// <inheritdoc cref="Invoke{T1, T2, TResult}"/>
    public static TResult Invoke<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 first, T2 second, T3 third) =>
        throw new InvalidOperationException(OnlyInExpand);

    /// <summary>The query with every rule marked by <c>Invoke</c> written out in place.</summary>
    public static Expression<Func<T1, T2, T3, TResult>> Expand<T1, T2, T3, TResult>(Expression<Func<T1, T2, T3, TResult>> query) =>
        (Expression<Func<T1, T2, T3, TResult>>)new Expander().Visit(query);

    /// <inheritdoc cref="Expand{T1, T2, T3, TResult}"/>
    public static Expression<Func<T1, T2, T3, T4, TResult>> Expand<T1, T2, T3, T4, TResult>(Expression<Func<T1, T2, T3, T4, TResult>> query) =>
        (Expression<Func<T1, T2, T3, T4, TResult>>)new Expander().Visit(query);

    /// <inheritdoc cref="Expand{T1, T2, T3, TResult}"/>
    public static Expression<Func<T1, T2, T3, T4, T5, TResult>> Expand<T1, T2, T3, T4, T5, TResult>(Expression<Func<T1, T2, T3, T4, T5, TResult>> query) =>
        (Expression<Func<T1, T2, T3, T4, T5, TResult>>)new Expander().Visit(query);

    /// <inheritdoc cref="Expand{T1, T2, T3, TResult}"/>
    public static Expression<Func<T1, T2, T3, T4, T5, T6, TResult>> Expand<T1, T2, T3, T4, T5, T6, TResult>(Expression<Func<T1, T2, T3, T4, T5, T6, TResult>> query) =>
        (Expression<Func<T1, T2, T3, T4, T5, T6, TResult>>)new Expander().Visit(query);

    /// <summary>
    /// <paramref name="rule"/> with its second parameter bound to the captured variable <paramref name="second"/>
    /// reads (<c>() => nowUtc</c>), which EF sends as a parameter of that name: a rule applied to one value in a
    /// query not compiled, without walking a query for markers.
    /// </summary>
    public static Expression<Func<T1, TResult>> Bind<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> rule, Expression<Func<T2>> second)
    {
        var body = new Binder(new Dictionary<ParameterExpression, Expression> { [rule.Parameters[1]] = second.Body }).Visit(rule.Body);
        return Expression.Lambda<Func<T1, TResult>>(body, rule.Parameters[0]);
    }

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Inlined) || node.Method.Name != nameof(Invoke))
            {
                return base.VisitMethodCall(node);
            }

            // Every rule is a field, static or of the object the query was written in, read directly; its parameters
            // are then bound to the arguments.
            var rule = node.Arguments[0] switch
            {
                MemberExpression { Member: FieldInfo field, Expression: null } => (LambdaExpression)field.GetValue(null)!,
                MemberExpression { Member: FieldInfo field, Expression: ConstantExpression { Value: { } owner } } => (LambdaExpression)field.GetValue(owner)!,
                _ => throw new InvalidOperationException("A rule given to Inlined.Invoke is a field."),
            };
            var arguments = node.Arguments.Skip(1).Select(Visit).ToList();
            var bound = new Binder(rule.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second!)).Visit(rule.Body);
            return Visit(bound);
        }
    }

    private sealed class Binder(Dictionary<ParameterExpression, Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            arguments.TryGetValue(node, out var argument) ? argument : node;
    }
}
