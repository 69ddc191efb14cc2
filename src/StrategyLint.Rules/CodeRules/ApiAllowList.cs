using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StrategyLint.CodeRules;

/// <summary>One use of an API or construct a C# rule may not use, with where it is.</summary>
internal sealed record ForbiddenUse(Location Location, string What, string Reason);

/// <summary>
/// What a C# rule may touch. Rules run in CI on code from pull requests, so this is an allow-list, not a deny-list:
/// every type and member the rule's own code names must come from the rule API, Markdig's syntax tree, Roslyn's
/// text types, collections, LINQ, text and a short list of System types. Anything else is refused with the reason
/// a reviewer needs (file system, network, processes, environment, reflection, interop, threads).
/// </summary>
internal static class ApiAllowList
{
    private static readonly HashSet<string> AllowedNamespaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic", "System.Collections.Immutable", "System.Collections.ObjectModel", "System.Linq",
        "System.Text", "System.Globalization", "System.Text.RegularExpressions", "Microsoft.CodeAnalysis.Text",
        "Markdig.Syntax", "Markdig.Syntax.Inlines", "Markdig.Extensions.Tables", "Markdig.Extensions.Yaml",
        "StrategyLint.Analysis", "StrategyLint.Syntax", "StrategyLint.Profiles",
    };

    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "System.Object", "System.String", "System.Char", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Half",
        "System.Math", "System.MathF", "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.Array",
        "System.Span`1", "System.ReadOnlySpan`1", "System.Memory`1", "System.ReadOnlyMemory`1", "System.MemoryExtensions", "System.Index", "System.Range",
        "System.Nullable`1", "System.Enum", "System.ValueType", "System.Attribute", "System.Tuple", "System.ValueTuple",
        "System.DateTime", "System.DateOnly", "System.TimeOnly", "System.DateTimeOffset", "System.TimeSpan", "System.DayOfWeek", "System.Guid", "System.Version",
        "System.Lazy`1", "System.Convert", "System.IEquatable`1", "System.IComparable`1", "System.IComparable", "System.IDisposable",
        "System.FormattableString", "System.IFormatProvider", "System.HashCode", "System.Comparison`1", "System.Predicate`1", "System.Converter`2",
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException", "System.InvalidOperationException",
        "System.NotSupportedException", "System.NotImplementedException", "System.FormatException", "System.IndexOutOfRangeException",
        "System.ObsoleteAttribute", "System.FlagsAttribute", "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        "System.Threading.CancellationToken", "Microsoft.CodeAnalysis.DiagnosticDescriptor", "Microsoft.CodeAnalysis.DiagnosticSeverity", "Microsoft.CodeAnalysis.LocalizableString",
    };

    // Delegates and tuples come in many arities; the name without its arity decides.
    private static readonly string[] AllowedGenericFamilies = ["System.Func`", "System.Action`", "System.Tuple`", "System.ValueTuple`"];

    // Members of allowed types that still open a door.
    private static readonly HashSet<string> DeniedMembers = new(StringComparer.Ordinal)
    {
        "System.Object.GetType", "System.Enum.GetValues", "System.Enum.GetNames", "System.Array.CreateInstance",
    };

    /// <summary>The reason, in a reviewer's words, a namespace is off limits.</summary>
    private static readonly (string Prefix, string Reason)[] Reasons =
    [
        ("System.IO", "rules may not use the file system"),
        ("System.Net", "rules may not use the network"),
        ("System.Diagnostics", "rules may not start processes or inspect the machine"),
        ("System.Reflection", "rules may not use reflection"),
        ("System.Type", "rules may not use reflection"),
        ("System.Activator", "rules may not use reflection"),
        ("System.Object.GetType", "rules may not use reflection"),
        ("System.Runtime.InteropServices", "rules may not call native code (interop)"),
        ("System.Runtime.Loader", "rules may not load code"),
        ("System.Runtime", "rules may not use runtime services (unsafe code, interop, loading code)"),
        ("System.Threading", "rules may not start threads, tasks or timers, or wait"),
        ("System.Environment", "rules may not read the environment (variables, machine, process)"),
        ("System.AppContext", "rules may not read the environment (variables, machine, process)"),
        ("System.AppDomain", "rules may not read the environment (variables, machine, process)"),
        ("System.Console", "rules may not read or write the console; report findings through the context"),
        ("System.GC", "rules may not control the garbage collector"),
        ("System.Security", "rules may not use security or cryptography services"),
        ("Microsoft.Win32", "rules may not use the registry or the operating system"),
    ];

    /// <summary>Every forbidden use in the trees, in source order.</summary>
    public static List<ForbiddenUse> Check(Compilation compilation)
    {
        var found = new List<ForbiddenUse>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodesAndTokens())
            {
                if (node.IsToken)
                {
                    if (node.AsToken().Kind() is SyntaxKind.UnsafeKeyword or SyntaxKind.ExternKeyword or SyntaxKind.FixedKeyword
                        or SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword)
                    {
                        if (node.Parent is not ExternAliasDirectiveSyntax)
                            found.Add(new ForbiddenUse(node.GetLocation()!, $"'{node.AsToken().Text}'", "rules may not use unsafe or native code"));
                    }
                    continue;
                }
                var syntax = node.AsNode()!;
                if (syntax is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax))
                    continue;
                // 'var' only names a type the right-hand side already produced, and that is where it is reported.
                if (syntax is IdentifierNameSyntax { IsVar: true })
                    continue;
                var info = model.GetSymbolInfo(syntax);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (symbol is null or INamespaceSymbol || symbol.Locations.Any(l => l.IsInSource))
                    continue;
                if (symbol is ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol or ITypeParameterSymbol)
                    continue;
                if (Refusal(symbol) is { } reason)
                    found.Add(new ForbiddenUse(syntax.GetLocation(), symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), reason));
            }
        }
        // "File.ReadAllText" names the type and the method: one finding, naming the method, placed where the type starts.
        return [.. found.GroupBy(f => (f.Location.GetLineSpan().StartLinePosition.Line, f.Location.SourceTree, f.Reason))
            .Select(g => g.MaxBy(f => f.What.Length)! with { Location = g.MinBy(f => f.Location.SourceSpan.Start)!.Location })
            .OrderBy(f => f.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(f => f.Location.SourceSpan.Start)];
    }

    /// <summary>Why a referenced symbol is refused, or null when it is allowed.</summary>
    internal static string? Refusal(ISymbol symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (symbol is IArrayTypeSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol or IDynamicTypeSymbol)
            return symbol is IArrayTypeSymbol array ? Refusal(array.ElementType) : "rules may not use unsafe or dynamic code";
        if (type is null)
            return null;
        var typeName = Metadata(type.OriginalDefinition);
        var memberName = symbol is INamedTypeSymbol ? typeName : typeName + "." + symbol.Name;
        if (DeniedMembers.Contains(memberName))
            return ReasonFor(memberName);
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Ordinary } method
            && typeName == "System.Text.RegularExpressions.Regex" && (method.MethodKind == MethodKind.Constructor || method.IsStatic)
            && method.Name is not ("Escape" or "Unescape") && !method.Parameters.Any(p => p.Type.Name == "TimeSpan"))
            return "a regular expression needs a match timeout here (the overload with a TimeSpan), so a pattern cannot stall the run";
        if (IsAllowed(type))
            return null;
        return ReasonFor(memberName) ?? $"it is not among the APIs C# rules may use (the rule API, Markdig's syntax tree, collections, LINQ, text and basic System types)";
    }

    private static bool IsAllowed(INamedTypeSymbol type)
    {
        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            var name = Metadata(outer.OriginalDefinition);
            if (AllowedTypes.Contains(name) || AllowedGenericFamilies.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
                return true;
            if (outer.ContainingType is null && AllowedNamespaces.Contains(outer.ContainingNamespace.ToDisplayString()))
                return true;
        }
        return false;
    }

    private static string? ReasonFor(string name) =>
        Reasons.FirstOrDefault(r => name == r.Prefix || name.StartsWith(r.Prefix + ".", StringComparison.Ordinal)).Reason;

    private static string Metadata(INamedTypeSymbol type) =>
        (type.ContainingType is { } outer ? Metadata(outer) + "+" : type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString() + ".")
        + type.MetadataName;
}
