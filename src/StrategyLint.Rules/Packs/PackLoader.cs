using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyLint.Packs.Kinds;

namespace StrategyLint.Packs;

/// <summary>
/// Loads rule packs: a folder with pack.json and one JSON file per rule. The packs in the repository's
/// rules/ folder are embedded in the build and read with System.Text.Json; their schema is checked by the
/// test suite, so a run pays nothing for schema machinery.
/// </summary>
internal static class PackLoader
{
    public static readonly IReadOnlyDictionary<string, IPackKind> Kinds = new IPackKind[]
    {
        new RequireTopicKind(), new RequireClauseKind(), new ForbidPhraseKind(), new StaticListKind(), new CoOccurrenceKind(),
    }.ToDictionary(k => k.Name, StringComparer.Ordinal);


    private const string ResourcePrefix = "rules/";

    private static readonly Lazy<IReadOnlyList<PackRule>> BuiltInRules = new(LoadBuiltIn);

    /// <summary>The packs shipped with the tool, loaded once per process.</summary>
    public static IReadOnlyList<PackRule> BuiltIn => BuiltInRules.Value;

    /// <summary>A shipped pack rule by id, for C# rules that build on a pack's vocabulary.</summary>
    public static PackRule? FindBuiltIn(string id) => BuiltIn.FirstOrDefault(r => r.Definition.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the packs shipped with the tool from the assembly's resources.</summary>
    private static IReadOnlyList<PackRule> LoadBuiltIn()
    {
        var assembly = typeof(PackLoader).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => (Name: n[ResourcePrefix.Length..].Replace('\\', '/'), Read: (Func<string>)(() =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return reader.ReadToEnd();
            })));
        return Load(files);
    }

    /// <summary>Loads pack files given as "pack/file.json" names; pack.json of each folder names the pack.</summary>
    public static IReadOnlyList<PackRule> Load(IEnumerable<(string Name, Func<string> Read)> files)
    {
        var byPack = files.Where(f => f.Name.Count(c => c == '/') == 1).GroupBy(f => f.Name[..f.Name.IndexOf('/')], StringComparer.Ordinal);
        var rules = new List<PackRule>();
        foreach (var pack in byPack.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var manifestFile = pack.FirstOrDefault(f => f.Name.EndsWith("/pack.json", StringComparison.Ordinal));
            var manifest = manifestFile.Read is null ? new PackManifest { Name = pack.Key } : Deserialize<PackManifest>(manifestFile.Name, manifestFile.Read());
            foreach (var file in pack.Where(f => !f.Name.EndsWith("/pack.json", StringComparison.Ordinal)).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var definition = Deserialize<PackRuleDefinition>(file.Name, file.Read());
                if (!Kinds.TryGetValue(definition.Kind, out var kind))
                    throw new InvalidDataException($"{file.Name}: '{definition.Kind}' is not a rule kind. The kinds are: {string.Join(", ", Kinds.Keys)}.");
                rules.Add(new PackRule(manifest, definition, kind));
            }
        }
        return rules;
    }

    internal static T Deserialize<T>(string name, string json)
    {
        try
        {
            var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)PackJsonContext.Default.GetTypeInfo(typeof(T))!;
            return JsonSerializer.Deserialize(json, info) ?? throw new InvalidDataException($"{name} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name}: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// Pack JSON read with source-generated metadata: no reflection at start-up, where loading the shipped packs
/// by reflection took a fifth of a one-file run.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PackManifest))]
[JsonSerializable(typeof(PackRuleDefinition))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
internal sealed partial class PackJsonContext : JsonSerializerContext;
