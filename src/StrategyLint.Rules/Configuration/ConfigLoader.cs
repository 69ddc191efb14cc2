using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using StrategyLint.Analysis;
using StrategyLint.IO;

namespace StrategyLint.Configuration;

/// <summary>
/// Finds and reads strategylint.json: JSON with comments, validated against the published schema
/// (docs/strategylint.schema.json, embedded) with NJsonSchema, then checked for unknown rule ids.
/// Every problem carries file, line, column and JSON path.
/// </summary>
internal static class ConfigLoader
{
    public static readonly IReadOnlyList<string> FileNames = ["strategylint.json", ".strategylint.json"];

    // Loaded only when a config exists, so a run without one pays nothing for the schema machinery.
    private static readonly Lazy<JsonSchema> Schema = JsonFiles.EmbeddedSchema("StrategyLint.strategylint.schema.json");

    /// <summary>
    /// The nearest config file in <paramref name="directory"/> or its ancestors, never above the repository root
    /// (<paramref name="repositoryRoot"/>, else the nearest folder holding .git, else <paramref name="directory"/> itself):
    /// a file in a folder above the checkout is not the pull request's to give, nor the repository's. A link, FIFO or
    /// device at a config's name is returned too, so that loading it reports why it is refused.
    /// </summary>
    public static string? Discover(string directory, string? repositoryRoot = null)
    {
        var start = System.IO.Path.GetFullPath(directory);
        var root = repositoryRoot ?? RepositoryRoot.Find(start);
        if (!SafeFileReader.IsInside(start, root))
            return null;
        for (var current = new DirectoryInfo(start); current is not null && SafeFileReader.IsInside(current.FullName, root); current = current.Parent)
        {
            foreach (var name in FileNames)
            {
                var candidate = System.IO.Path.Combine(current.FullName, name);
                if (SafeFileReader.EntryExists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Reads and validates a config, resolves its <c>extends</c> packs and builds the run's catalog from
    /// <paramref name="builtIn"/> plus them; rule ids in <c>rules</c> are checked against that catalog.
    /// </summary>
    /// <param name="path">The config file.</param>
    /// <param name="displayPath">How messages name it.</param>
    /// <param name="builtIn">The built-in rules.</param>
    /// <param name="workingDirectory">What paths in messages are relative to (the config's folder when null).</param>
    /// <param name="trustCodeRules">The command line's <c>--trust-code-rules</c>: without it, C# rules the config enables are not compiled or run.</param>
    public static (LintConfig? Config, List<ConfigProblem> Problems) Load(string path, string displayPath, RuleCatalog builtIn, string? workingDirectory = null, bool trustCodeRules = false)
    {
        // Every file the configuration brings in (packs, C# rules) is read under one policy: the run's, or one for here.
        using var scope = ReadPolicy.Use(ReadPolicy.CurrentOr(workingDirectory ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!));
        var problems = new List<ConfigProblem>();
        var text = JsonFiles.Read(path, displayPath, "The configuration file", problems);
        if (text is null)
            return (null, problems);
        var root = JsonFiles.Parse(text, displayPath, "The configuration", problems);
        if (root is null)
            return (null, problems);

        foreach (var error in Schema.Value.Validate(root))
            problems.Add(Describe(error, root, displayPath));
        if (problems.Count > 0)
            return (null, problems);

        var baseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var displayRoot = workingDirectory ?? baseDirectory;
        string Display(string full) => System.IO.Path.GetRelativePath(displayRoot, full).Replace('\\', '/');
        var extended = ExtendsResolver.Resolve(root["extends"], baseDirectory, Display, displayPath, problems);
        if (problems.Count > 0)
            return (null, problems);
        var code = CodeRuleLoader.Load(root["codeRules"], baseDirectory, Display, displayPath, problems, trustCodeRules);
        if (problems.Count > 0)
            return (null, problems);
        var catalog = ExtendsResolver.Catalog(builtIn, [.. extended.Rules, .. code.Rules], extended.ReplacedShippedPacks, problems);
        if (catalog is null)
            return (null, problems);

        var rules = new Dictionary<string, RuleSeverity>(StringComparer.OrdinalIgnoreCase);
        if (root["rules"] is JObject ruleObject)
        {
            // Ids and categories match without regard to case, so "sl2001" and "SL2001" would silently compete.
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in ruleObject.Properties())
            {
                if (!seen.TryAdd(property.Name, property.Name))
                {
                    var (line, column) = Position(property);
                    problems.Add(new ConfigProblem(displayPath, line, column, "$.rules." + property.Name,
                        $"'{seen[property.Name]}' and '{property.Name}' in 'rules' name the same rule or category (ids and categories are not case-sensitive), so it is unclear which severity applies. Keep one of them."));
                    continue;
                }
                if (catalog.Find(property.Name) is null && !catalog.IsCategory(property.Name))
                {
                    var (line, column) = Position(property);
                    problems.Add(new ConfigProblem(displayPath, line, column, "$.rules." + property.Name,
                        $"'{property.Name}' is not a rule id or category StrategyLint knows. Run 'strategylint rules' to list the ids; the categories are {string.Join(", ", RuleCategories.All)}."));
                    continue;
                }
                var value = property.Value is JObject options ? options["severity"] : property.Value;
                if (value is not null && RuleSeverityExtensions.TryParse(value.Value<string>(), out var severity))
                    rules[property.Name] = severity;
            }
        }
        if (problems.Count > 0)
            return (null, problems);

        var config = new LintConfig
        {
            Catalog = catalog,
            CodeRulesStatus = code.Status,
            PackSeverities = extended.SeverityById,
            Path = path,
            BaseDirectory = baseDirectory,
            Include = root["include"] is JArray include ? [.. include.Values<string>().OfType<string>()] : LintConfig.DefaultInclude,
            Exclude = root["exclude"] is JArray exclude ? [.. exclude.Values<string>().OfType<string>()] : [],
            Rules = rules,
            Profiles = root["profiles"] is JObject profiles ? [.. profiles.Properties().Select(p => (p.Name, p.Value.Value<string>()!))] : [],
            RequireSuppressionReason = root["suppressions"]?["requireReason"]?.Value<bool>() ?? false,
            MaxFileSizeMB = root["limits"]?["maxFileSizeMB"]?.Value<int>() ?? 32,
            MaxNestingDepth = root["limits"]?["maxNestingDepth"]?.Value<int>() ?? 64,
            MaxFindingsPerRule = root["limits"]?["maxFindingsPerRule"]?.Value<int>() ?? LintConfig.DefaultMaxFindingsPerRule,
            TimeoutSecondsPerFile = root["limits"]?["timeoutSecondsPerFile"]?.Value<int>() ?? LintConfig.DefaultTimeoutSecondsPerFile,
            Notices = [.. extended.Notices, .. code.Notice is null ? Array.Empty<ConfigProblem>() : [code.Notice]],
        };
        return (config, problems);
    }

    private static ConfigProblem Describe(ValidationError error, JToken root, string file)
    {
        var token = JsonFiles.FindToken(root, error.Path);
        // For { "severity": "loud" } point at the severity itself, not the whole object.
        if (token is JObject { } ruleObject && ruleObject["severity"] is { } severityToken && error.Kind is ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotOneOf)
            token = severityToken;
        var jsonPath = JsonFiles.JsonPath(token);
        var (line, column) = JsonFiles.Position(token, error);
        var name = token?.Path.Split('.').Where(p => p != "severity").LastOrDefault() is { Length: > 0 } last ? $"'{last}'" : "The configuration";
        var underRules = jsonPath.StartsWith("$.rules.", StringComparison.Ordinal);
        var message = error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed when !underRules =>
                $"'{error.Property}' is not a setting StrategyLint knows. The settings are: {string.Join(", ", Schema.Value.Properties.Keys)}.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                $"'{error.Property}' is not allowed here. Only 'severity' may be set for a rule.",
            // A rule's value failed both shapes of the oneOf (a severity string, or an object with one).
            ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotOneOf or ValidationErrorKind.NotInEnumeration when underRules =>
                $"{JsonFiles.Quote(token)} is not a severity for {name}. Use one of: error, warning, info, off.",
            ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotInEnumeration when jsonPath.StartsWith("$.profiles", StringComparison.Ordinal) =>
                $"{JsonFiles.Quote(token)} is not a profile. Use one of: national-cybersecurity-strategy, capacity-building-plan, cybercrime-strategy.",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotInEnumeration =>
                $"{JsonFiles.Quote(token)} is not a severity. Use one of: error, warning, info, off.",
            ValidationErrorKind.ArrayExpected => $"{name} should be a list of glob patterns, such as [\"drafts/**/*.md\"].",
            ValidationErrorKind.StringExpected => $"{name} should be a string.",
            ValidationErrorKind.ObjectExpected => $"{name} should be an object.",
            ValidationErrorKind.StringTooShort => $"{name} should not be empty.",
            _ => $"{name} does not follow the schema ({error.Kind}).",
        };
        return new ConfigProblem(file, line, column, jsonPath, message);
    }

    private static (int Line, int Column) Position(IJsonLineInfo info) => info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (1, 1);
}
