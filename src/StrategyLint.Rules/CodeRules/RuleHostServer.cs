using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Syntax;

namespace StrategyLint.CodeRules;

/// <summary>
/// The child side of the C# rule host (<c>strategylint --rule-host</c>): loads the compiled rules, then answers one
/// request at a time. Every call into rule code happens here, under <see cref="CodeRuleGuard"/>'s budget; what goes
/// back to the parent is copied into plain data first. The parent starts this process with an environment that holds
/// no secrets and a heap limit, and ends it when it takes too long: whatever the rule does, it costs only this process.
/// </summary>
internal static class RuleHostServer
{
    /// <summary>The command-line argument that starts the host instead of the CLI.</summary>
    public const string Argument = "--rule-host";

    /// <summary>Serves requests from <paramref name="input"/> until it ends; returns the process exit code.</summary>
    public static int Serve(Stream input, Stream output)
    {
        // Rule code cannot name the console (the allow-list refuses it), but nothing written by anything else in this
        // process may be mistaken for a reply either.
        Console.SetOut(TextWriter.Null);
        Console.SetIn(TextReader.Null);
        var reader = new StreamReader(input, new UTF8Encoding(false));
        var writer = new StreamWriter(output, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = false };
        var state = new HostState();
        while (reader.ReadLine() is { } line)
        {
            HostResponse response;
            try
            {
                var request = RuleHostJson.Read<HostRequest>(line) ?? throw new InvalidDataException("an empty request");
                response = request.Kind switch
                {
                    HostRequest.LoadKind => state.Load(request),
                    HostRequest.RunKind => state.Run(request),
                    _ => new HostResponse { Kind = HostResponse.ErrorKind, Detail = $"unknown request '{request.Kind}'" },
                };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                response = new HostResponse { Kind = HostResponse.ErrorKind, Detail = ex.GetType().Name };
            }
            writer.WriteLine(RuleHostJson.Write(response));
            writer.Flush();
        }
        return 0;
    }

    private static readonly RunLimits ReplyLimits = new(MaxFindingsPerRule: 10_000, TimeBudget: null);

    private sealed class HostState
    {
        private readonly List<(SandboxedRule Rule, RuleRunner Runner)> _rules = [];
        private TimeSpan _budget;
        private long _allocation;
        private string? _documentKey;
        private StrategyDocument? _document;

        public HostResponse Load(HostRequest request)
        {
            _budget = TimeSpan.FromSeconds(request.BudgetSeconds);
            _allocation = request.AllocationBytes;
            Assembly assembly;
            try
            {
                var context = new AssemblyLoadContext("strategylint-code-rules", isCollectible: false);
                assembly = context.LoadFromStream(new MemoryStream(Convert.FromBase64String(request.Image ?? "")));
            }
            catch (BadImageFormatException)
            {
                return new HostResponse { Kind = HostResponse.ErrorKind, FailureKind = "BadImage", Detail = "the compiled rules are damaged" };
            }
            if (assembly.GetName().Name != request.AssemblyName)
                return new HostResponse { Kind = HostResponse.ErrorKind, FailureKind = "BadImage", Detail = "the compiled rules are not the ones expected" };

            var problems = new List<HostedLoadProblem>();
            var infos = new List<HostedRuleInfo>();
            var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(StrategyRule))).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
            foreach (var type in types)
            {
                if (type.GetConstructor(Type.EmptyTypes) is null)
                {
                    problems.Add(new(type.Name, $"The rule class {type.Name} needs a public parameterless constructor."));
                    continue;
                }
                try
                {
                    StrategyRule rule;
                    using (CodeRuleGuard.Enter(_budget, _allocation))
                        rule = (StrategyRule)Activator.CreateInstance(type)!;
                    var sandboxed = new SandboxedRule(rule, _budget, _allocation);
                    var info = Describe(type.Name, sandboxed);
                    var runner = new RuleRunner(new RuleCatalog([sandboxed]));
                    _rules.Add((sandboxed, runner));
                    infos.Add(info);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
                    problems.Add(new(type.Name, $"The rule {type.Name} failed while being created: {inner.GetType().Name}: {MessageOf(inner)}"));
                }
            }
            return new HostResponse { Kind = HostResponse.LoadedKind, Rules = infos, Problems = problems };
        }

        // Reads what the parent needs to know about a rule: every getter and LocalizableString is the rule's code.
        private HostedRuleInfo Describe(string typeName, SandboxedRule rule)
        {
            using var scope = CodeRuleGuard.Enter(_budget, _allocation);
            var descriptors = rule.SupportedDiagnostics.IsDefault ? [] : rule.SupportedDiagnostics.Select(d => new HostedDescriptor(
                d.Id, d.Title.ToString(CultureInfo.InvariantCulture), d.MessageFormat.ToString(CultureInfo.InvariantCulture), d.Category,
                (int)d.DefaultSeverity, d.IsEnabledByDefault, d.Description.ToString(CultureInfo.InvariantCulture), d.HelpLinkUri, [.. d.CustomTags])).ToList();
            var info = new HostedRuleInfo(typeName, descriptors, rule.Profiles?.ToList(), rule.Coverage?.DiagnosticId, rule.Coverage?.Label);
            // LocalizableString swallows exceptions from its text, the guard's included: ask the guard itself.
            if (scope.StoppedReason is { } reason)
                throw new CodeRuleStoppedException(reason);
            return info;
        }

        public HostResponse Run(HostRequest request)
        {
            if (request.Rule < 0 || request.Rule >= _rules.Count)
                return new HostResponse { Kind = HostResponse.ErrorKind, Detail = "no such rule" };
            if (request.Text is not null)
            {
                _document = null;
                _document = StrategyParser.Parse(request.Path ?? "draft.md", request.Text);
                _documentKey = request.DocumentKey;
            }
            else if (_document is null || _documentKey != request.DocumentKey)
            {
                return new HostResponse { Kind = HostResponse.ErrorKind, Detail = "the document was not sent" };
            }

            var (rule, runner) = _rules[request.Rule];
            Exception? failure = null;
            // The parent caps findings per rule at its own limit; this cap only keeps a reply to a sane size.
            var findings = runner.Run(_document, profile: null, _ => RuleSeverity.Warning, limits: ReplyLimits, onFailure: (_, error) => failure ??= error);
            if (failure is not null)
                return Failure(failure);
            try
            {
                // Properties and fixes are the rule's own collections: reading them is running its code.
                using var scope = CodeRuleGuard.Enter(_budget, _allocation);
                var copied = findings.Select(Copy).ToList();
                if (scope.StoppedReason is { } reason)
                    return new HostResponse { Kind = HostResponse.StoppedKind, Detail = new CodeRuleStoppedException(reason).Message };
                return new HostResponse { Kind = HostResponse.ResultKind, Findings = copied };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Failure(ex);
            }
            finally
            {
                GC.KeepAlive(rule);
            }
        }

        private static HostedFinding Copy(Finding finding) => new(
            finding.Id, finding.Span.Start, finding.Span.Length, finding.Message,
            finding.Properties is null ? null : finding.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            finding.Fix is null ? null : new HostedFix(finding.Fix.Title, [.. finding.Fix.Changes.Select(c => new HostedChange(c.Span.Start, c.Span.Length, c.NewText ?? ""))]));

        private HostResponse Failure(Exception error) => error switch
        {
            CodeRuleStoppedException stopped => new HostResponse { Kind = HostResponse.StoppedKind, Detail = stopped.Message },
            OutOfMemoryException => new HostResponse { Kind = HostResponse.StoppedKind, Detail = new CodeRuleStoppedException("ran out of memory").Message },
            _ => new HostResponse { Kind = HostResponse.FailedKind, FailureKind = error.GetType().Name, Detail = MessageOf(error) },
        };

        // An exception's Message can be the rule's own override: read it under the guard, and never let it fail the host.
        private string MessageOf(Exception error)
        {
            try
            {
                using var scope = CodeRuleGuard.Enter(_budget, _allocation);
                var message = error.Message ?? "";
                return message.Length > 2000 ? message[..2000] + "…" : message;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return "(its message could not be read)";
            }
        }
    }
}
