using System.Reflection;
using Microsoft.Extensions.FileSystemGlobbing;
using Newtonsoft.Json.Linq;
using StrategyLint.Analysis;
using StrategyLint.CodeRules;

namespace StrategyLint.Configuration;

/// <summary>The config's <c>codeRules</c>: off unless enabled; then its globs are read, compiled (or taken from the cache) and sandboxed.</summary>
internal static class CodeRuleLoader
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Where compiled rules are cached; tests point it at a folder of their own.</summary>
    internal static string? CacheDirectoryOverride { get; set; }

    public static (IReadOnlyList<StrategyRule> Rules, string? Status) Load(JToken? section, string baseDirectory, Func<string, string> display, string configDisplay, List<ConfigProblem> problems)
    {
        if (section is not JObject codeRules)
            return ([], null);
        var patterns = codeRules["paths"] is JArray list ? list.Values<string>().OfType<string>().ToList() : [];
        if (codeRules["enabled"]?.Value<bool>() != true)
            return ([], patterns.Count == 0 ? null : "C# rules are not enabled (codeRules.enabled is false), so they were not compiled.");
        if (patterns.Count == 0)
        {
            problems.Add(JsonFiles.At(configDisplay, codeRules, "codeRules is enabled but names no files. Add 'paths', such as [\"rules-cs/*.cs\"]."));
            return ([], null);
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        var files = matcher.GetResultsInFullPath(baseDirectory).Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            problems.Add(JsonFiles.At(configDisplay, codeRules["paths"], $"codeRules.paths ({string.Join(", ", patterns)}) matched no .cs file under {baseDirectory}."));
            return ([], null);
        }
        var sources = new List<CodeRuleSource>();
        foreach (var file in files)
        {
            if (JsonFiles.Read(file, display(file), "The C# rule", problems) is { } text)
                sources.Add(new CodeRuleSource(file, display(file), text));
        }
        if (problems.Count > 0)
            return ([], null);

        var timeout = codeRules["timeoutSeconds"]?.Value<double>() is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        var version = typeof(CodeRuleLoader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var result = CodeRuleCompiler.Load(sources, version, CacheDirectoryOverride ?? CodeRuleCompiler.DefaultCacheDirectory(), timeout);
        problems.AddRange(result.Problems);
        var names = string.Join(", ", sources.Select(s => s.DisplayPath));
        var status = result.FromCache
            ? $"C# rules ({names}): loaded from the cache, not compiled ({result.CachePath})."
            : $"C# rules ({names}): compiled{(result.CachePath is null ? "" : $" and cached ({result.CachePath})")}.";
        return (result.Rules, status);
    }
}
