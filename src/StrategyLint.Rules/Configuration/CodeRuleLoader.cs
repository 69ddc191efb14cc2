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

    /// <summary>
    /// The config's C# rules. <paramref name="trusted"/> is the command line's <c>--trust-code-rules</c>: a config
    /// (which a pull request can change) may ask for C# rules, but only the workflow that runs the tool can grant
    /// it; without trust they are neither compiled nor run, and <c>Notice</c> says so once.
    /// </summary>
    public static CodeRuleLoad Load(JToken? section, string baseDirectory, Func<string, string> display, string configDisplay, List<ConfigProblem> problems, bool trusted)
    {
        if (section is not JObject codeRules)
            return new([], null, null);
        var patterns = codeRules["paths"] is JArray list ? list.Values<string>().OfType<string>().ToList() : [];
        if (codeRules["enabled"]?.Value<bool>() != true)
            return new([], patterns.Count == 0 ? null : "C# rules are not enabled (codeRules.enabled is false), so they were not compiled.", null);
        if (!trusted)
        {
            var notice = "This configuration enables C# rules (codeRules), but they were not compiled or run: C# rules are code, and they run only when " +
                "the command line grants trust with --trust-code-rules (the action's 'trust-code-rules' input). Grant it on pushes to protected branches " +
                "and same-repository pull requests, never on pull requests from forks. The other rules ran as usual.";
            return new([], notice, JsonFiles.At(configDisplay, codeRules["enabled"], notice));
        }
        if (patterns.Count == 0)
        {
            problems.Add(JsonFiles.At(configDisplay, codeRules, "codeRules is enabled but names no files. Add 'paths', such as [\"rules-cs/*.cs\"]."));
            return new([], null, null);
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        // The same guarded walk as the drafts': a link to a folder is entered only when the run follows links and it
        // stays inside the repository; a refused one is a problem, since a rule file the config names must be read.
        var policy = IO.ReadPolicy.CurrentOr(baseDirectory);
        var (realBase, baseProblem) = IO.SafeFileReader.Resolve(baseDirectory, policy);
        if (baseProblem is not null)
        {
            problems.Add(JsonFiles.At(configDisplay, codeRules["paths"], $"The folder of the C# rules {baseProblem.Reason}"));
            return new([], null, null);
        }
        var walk = new IO.TreeWalk(policy);
        var files = matcher.Execute(walk.Start(baseDirectory, realBase!)).Files
            .Select(f => Path.GetFullPath(Path.Combine(baseDirectory, f.Path)))
            .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        foreach (var (link, problem) in walk.Refused)
            problems.Add(JsonFiles.At(configDisplay, codeRules["paths"], $"{display(link)} {problem.Reason}"));
        if (problems.Count > 0)
            return new([], null, null);
        if (files.Count == 0)
        {
            problems.Add(JsonFiles.At(configDisplay, codeRules["paths"], $"codeRules.paths ({string.Join(", ", patterns)}) matched no .cs file under {baseDirectory}."));
            return new([], null, null);
        }
        var sources = new List<CodeRuleSource>();
        foreach (var file in files)
        {
            if (JsonFiles.Read(file, display(file), "The C# rule", problems) is { } text)
                sources.Add(new CodeRuleSource(file, display(file), text));
        }
        if (problems.Count > 0)
            return new([], null, null);

        var timeout = codeRules["timeoutSeconds"]?.Value<double>() is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        var memory = codeRules["memoryMB"]?.Value<int>() is { } megabytes ? megabytes * 1024L * 1024L : RuleHostLimits.DefaultMemoryBytes;
        var version = typeof(CodeRuleLoader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var result = CodeRuleCompiler.Load(sources, version, CacheDirectoryOverride ?? CodeRuleCompiler.DefaultCacheDirectory(), timeout, memory);
        problems.AddRange(result.Problems);
        var names = string.Join(", ", sources.Select(s => s.DisplayPath));
        var status = result.FromCache
            ? $"C# rules ({names}): loaded from the cache, not compiled ({result.CachePath})."
            : $"C# rules ({names}): compiled{(result.CachePath is null ? $" (not cached: {result.CacheNote ?? "no cache in CI unless STRATEGYLINT_CACHE names a folder"})" : $" and cached ({result.CachePath})")}.";
        return new(result.Rules, status, null);
    }
}

/// <summary>The C# rules a config gave, what became of them (for --verbose), and a notice every run must show (or null).</summary>
internal sealed record CodeRuleLoad(IReadOnlyList<StrategyRule> Rules, string? Status, ConfigProblem? Notice);
