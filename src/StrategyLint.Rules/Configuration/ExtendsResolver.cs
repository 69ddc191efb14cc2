using Newtonsoft.Json.Linq;
using StrategyLint.Analysis;
using StrategyLint.IO;
using StrategyLint.Packs;

namespace StrategyLint.Configuration;

/// <summary>The packs a config's <c>extends</c> adds: their rules, the shipped packs they replace, and per-pack severities.</summary>
internal sealed record ExtendedPacks(IReadOnlyList<PackRule> Rules, IReadOnlySet<string> ReplacedShippedPacks, IReadOnlyDictionary<string, RuleSeverity> SeverityById)
{
    public static readonly ExtendedPacks None = new([], new HashSet<string>(), new Dictionary<string, RuleSeverity>());

    /// <summary>One notice per folder pack that replaces a shipped pack, located at its entry in <c>extends</c>.</summary>
    public IReadOnlyList<ConfigProblem> Notices { get; init; } = [];
}

/// <summary>
/// Resolves <c>extends</c> entries. A bare name is a pack shipped with the tool; anything else (or a name no shipped
/// pack has) is a folder relative to the config. An entry that is neither says what was looked for and where.
/// A folder must be inside the repository (for a configuration given with --config from outside it, inside that
/// configuration's folder): an absolute path or one that climbs out with "..", is refused with one message that
/// does not depend on whether the folder exists, so a configuration cannot probe the machine. A folder pack whose
/// manifest names a shipped pack replaces it, never silently: a notice names both.
/// </summary>
internal static class ExtendsResolver
{
    public static ExtendedPacks Resolve(JToken? extends, string baseDirectory, Func<string, string> display, string configDisplay, List<ConfigProblem> problems)
    {
        if (extends is not JArray entries || entries.Count == 0)
            return ExtendedPacks.None;
        var shipped = PackLoader.BuiltIn.GroupBy(r => r.Pack.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rules = new List<PackRule>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var severities = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var notices = new List<ConfigProblem>();
        var policy = ReadPolicy.Current;
        var boundary = SafeFileReader.IsInside(Path.GetFullPath(baseDirectory), policy.Root) ? policy.Root : Path.GetFullPath(baseDirectory);
        foreach (var entry in entries)
        {
            var nameToken = entry is JObject o ? o["pack"]! : entry;
            var name = nameToken.Value<string>()!;
            RuleSeverity? severity = entry is JObject withSeverity && RuleSeverityExtensions.TryParse(withSeverity["severity"]?.Value<string>(), out var s) ? s : null;
            var looksLikePath = name.StartsWith('.') || name.Contains('/') || name.Contains('\\') || Path.IsPathRooted(name);

            IReadOnlyList<PackRule> packRules;
            string key;
            if (!looksLikePath && shipped.TryGetValue(name, out var shippedRules))
            {
                packRules = shippedRules;
                key = "shipped:" + name;
            }
            else
            {
                var folder = Path.GetFullPath(name, baseDirectory);
                if (Path.IsPathRooted(name) || !SafeFileReader.IsInside(folder, boundary))
                {
                    problems.Add(JsonFiles.At(configDisplay, nameToken, Path.IsPathRooted(name)
                        ? $"The pack folder '{name}' is an absolute path. 'extends' takes the names of shipped packs and folders inside the repository, written relative to the configuration, such as \"./packs/house\"."
                        : $"The pack folder '{name}' is outside the repository. 'extends' takes the names of shipped packs and folders inside the repository, written relative to the configuration, such as \"./packs/house\"."));
                    continue;
                }
                var (checkedFolder, refused) = SafeFileReader.Resolve(folder, policy);
                if (refused is not null && refused.Kind != ReadProblemKind.Missing)
                {
                    problems.Add(JsonFiles.At(configDisplay, nameToken, $"The pack folder '{name}' {refused.Reason}"));
                    continue;
                }
                if (checkedFolder is null || !Directory.Exists(checkedFolder))
                {
                    var shippedNames = string.Join(", ", shipped.Keys.Order(StringComparer.Ordinal));
                    problems.Add(JsonFiles.At(configDisplay, nameToken, looksLikePath
                        ? $"The pack folder '{name}' does not exist (looked for {folder})."
                        : $"'{name}' is not a pack shipped with StrategyLint ({shippedNames}), and there is no folder '{name}' beside the configuration (looked for {folder}). Write a folder as \"./{name}\"."));
                    continue;
                }
                key = "folder:" + folder;
                var result = PackFolder.Load(folder, display(folder), allowReservedIds: manifestName => shipped.ContainsKey(manifestName));
                problems.AddRange(result.Problems);
                if (result.Manifest is null || result.Problems.Count > 0)
                    continue;
                if (shipped.TryGetValue(result.Manifest.Name, out var replacedRules))
                {
                    replaced.Add(result.Manifest.Name);
                    notices.Add(JsonFiles.At(configDisplay, nameToken,
                        $"The folder pack '{name}' is named '{result.Manifest.Name}', like a pack shipped with StrategyLint, so it replaces that pack: the shipped rules {string.Join(", ", replacedRules.Select(r => r.Definition.Id))} do not run, and the folder's own rules run instead. If that is not intended, give the folder's pack a name of its own in its pack.json."));
                }
                packRules = result.Rules;
                rules.AddRange(result.Rules);
            }
            if (!seen.Add(key))
            {
                problems.Add(JsonFiles.At(configDisplay, nameToken, $"'{name}' is already in 'extends'."));
                continue;
            }
            if (severity is { } packSeverity)
            {
                foreach (var rule in packRules)
                    severities[rule.Definition.Id] = packSeverity;
            }
        }
        return new ExtendedPacks(rules, replaced, severities) { Notices = notices };
    }

    /// <summary>The built-in rules (less any shipped pack a folder replaces) plus the extended ones; a clash of ids is a problem.</summary>
    public static RuleCatalog? Catalog(RuleCatalog builtIn, IReadOnlyList<StrategyRule> added, IReadOnlySet<string> replacedShippedPacks, List<ConfigProblem> problems)
    {
        if (added.Count == 0 && replacedShippedPacks.Count == 0)
            return builtIn;
        var kept = builtIn.Rules.Where(r => r is not PackRule p || !replacedShippedPacks.Contains(p.Pack.Name)).ToList();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in kept)
            foreach (var d in rule.SupportedDiagnostics)
                owners[d.Id] = "StrategyLint's built-in rules";
        var clean = true;
        foreach (var rule in added)
        {
            var source = rule switch
            {
                PackRule p => p.SourcePath is { } path ? $"pack '{p.Pack.Name}' ({path})" : $"pack '{p.Pack.Name}'",
                _ => rule.GetType().Name,
            };
            foreach (var d in rule.SupportedDiagnostics)
            {
                if (owners.TryGetValue(d.Id, out var owner))
                {
                    problems.Add(new ConfigProblem(rule is PackRule { SourcePath: { } file } ? file : "strategylint.json", 1, 1, "$.id", $"The rule id '{d.Id}' of {source} is already used by {owner}. Every rule needs its own id."));
                    clean = false;
                }
                owners[d.Id] = source;
            }
        }
        return clean ? new RuleCatalog([.. kept, .. added]) : null;
    }
}
