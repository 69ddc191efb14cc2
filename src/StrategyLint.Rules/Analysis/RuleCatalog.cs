using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace StrategyLint.Analysis;

/// <summary>The rules of a run: the built-in ones found by reflection, each with its descriptors.</summary>
internal sealed class RuleCatalog
{
    private static readonly Lazy<RuleCatalog> BuiltInCatalog = new(() => new RuleCatalog(DiscoverBuiltIn()));

    private readonly Dictionary<string, DiagnosticDescriptor> _byId;
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public RuleCatalog(IReadOnlyList<StrategyRule> rules)
    {
        Rules = rules;
        _byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            foreach (var descriptor in rule.SupportedDiagnostics)
            {
                if (!_byId.TryAdd(descriptor.Id, descriptor))
                    throw new InvalidOperationException($"Two rules declare the id {descriptor.Id}.");
                _names[descriptor.Id] = rule switch
                {
                    Packs.PackRule => PascalCase(descriptor.Title.ToString()),
                    CodeRules.HostedCodeRule code => FriendlyName(code.TypeName, descriptor.Id),
                    _ => FriendlyName(rule.GetType().Name, descriptor.Id),
                };
            }
        }
        Descriptors = [.. _byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal)];
    }

    public static RuleCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>The built-in catalog, not yet forced: a run can read and parse its documents while it loads.</summary>
    public static Lazy<RuleCatalog> BuiltInLazy => BuiltInCatalog;

    public IReadOnlyList<StrategyRule> Rules { get; }

    /// <summary>Every descriptor, sorted by id (SARIF ruleIndex follows this order).</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    public DiagnosticDescriptor? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A PascalCase name for the rule (SARIF reportingDescriptor.name): the class name without its id.</summary>
    public string NameOf(string id) => _names.GetValueOrDefault(id, id);

    private static string FriendlyName(string typeName, string id) =>
        typeName.StartsWith(id, StringComparison.OrdinalIgnoreCase) && typeName.Length > id.Length ? typeName[id.Length..] : typeName;

    // A data rule has no class name: "No funding annex" becomes NoFundingAnnex.
    private static string PascalCase(string title) =>
        string.Concat(title.Split([' ', '-', '_', '/', '(', ')', ',', '.', ':', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    public bool IsCategory(string name) => RuleCategories.All.Contains(name, StringComparer.OrdinalIgnoreCase);

    // Reflection keeps the catalog in step with the files: adding a rule file is enough (StyleCop's AllAnalyzers).
    // The built-in packs in rules/ are rules too, loaded from the assembly's resources.
    private static List<StrategyRule> DiscoverBuiltIn() =>
        [.. typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(StrategyRule)) && t.Namespace?.StartsWith("StrategyLint.Rules", StringComparison.Ordinal) == true)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (StrategyRule)Activator.CreateInstance(t, nonPublic: true)!),
         .. Packs.PackLoader.BuiltIn];
}
