using StrategyLint.CodeRules;

namespace StrategyLint.Tests.CodeRules;

/// <summary>
/// The C# rule the code-rule tests compile: one class, <c>ProbeRule</c>, with one descriptor and a document action
/// whose body (and any extra members) the test gives; and loading it as the configuration would, with a private cache.
/// </summary>
internal static class ProbeRules
{
    public static string Source(string body, string members = "", string id = "house.Probe") => $$"""
        namespace HouseRules
        {
        public sealed class ProbeRule : StrategyRule
        {
            public static readonly DiagnosticDescriptor Descriptor = RuleDescriptors.Create("{{id}}", "Probe", "{0}", RuleCategories.Custom, DiagnosticSeverity.Warning, "A probe.");

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

            public override void Initialize(StrategyAnalysisContext context) =>
                context.RegisterDocumentAction(c =>
                {
                    {{body}}
                });
        {{members}}
        }
        }
        """;

    /// <summary>Compiles (or takes from the cache below <paramref name="folder"/>) and loads the rule file rules/Probe.cs.</summary>
    public static CodeRuleResult Load(string folder, string source, double seconds = 10, long memory = RuleHostLimits.DefaultMemoryBytes, string? cacheDirectory = null) =>
        CodeRuleCompiler.Load([new CodeRuleSource(Path.Combine(folder, "Probe.cs"), "rules/Probe.cs", source)], "test",
            cacheDirectory ?? Path.Combine(folder, "code-rules"), TimeSpan.FromSeconds(seconds), memory);
}
