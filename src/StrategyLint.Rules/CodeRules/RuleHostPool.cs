using System.Runtime.CompilerServices;
using StrategyLint.Syntax;

namespace StrategyLint.CodeRules;

/// <summary>
/// The rule hosts of one set of compiled C# rules: at most one per core, each used by one document at a time. A host
/// that crashed, was ended or ran out of memory is dropped and a new one started (and loaded) for the next request,
/// so one rule's damage never carries over to another document. Idle hosts are ended after a while; every host ends
/// with this process, because its input closes.
/// </summary>
internal sealed class RuleHostPool : IDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private readonly string _image;
    private readonly string _assemblyName;
    private readonly RuleHostLimits _limits;
    private readonly List<RuleHostProcess> _idle = [];
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly ConditionalWeakTable<StrategyDocument, string> _documentKeys = new();
    private readonly Timer _idleTimer;
    private DateTime _lastUse = DateTime.UtcNow;
    private bool _disposed;

    public RuleHostPool(byte[] image, string assemblyName, RuleHostLimits limits)
    {
        _image = Convert.ToBase64String(image);
        _assemblyName = assemblyName;
        _limits = limits;
        _idleTimer = new Timer(_ => EndIdle(), null, IdleTimeout, IdleTimeout);
    }

    public RuleHostLimits Limits => _limits;

    /// <summary>Starts a host and loads the rules: the answer lists them (or says why they cannot be loaded).</summary>
    public HostResponse Load()
    {
        _slots.Wait();
        RuleHostProcess host;
        try
        {
            host = RuleHostProcess.Start(_limits.MemoryBytes);
        }
        catch
        {
            _slots.Release();
            throw;
        }
        var kept = false;
        try
        {
            var response = host.Call(LoadRequest(), Timeout(rules: 8));
            kept = response.Kind == HostResponse.LoadedKind;
            return response;
        }
        finally
        {
            if (kept)
                Return(host);
            else
                Drop(host);
        }
    }

    /// <summary>Runs rule <paramref name="index"/> on a document in a host; throws <see cref="RuleHostCrashedException"/> when the host died or was ended.</summary>
    public HostResponse Run(int index, StrategyDocument document)
    {
        var key = _documentKeys.GetValue(document, _ => Guid.NewGuid().ToString("N"));
        var host = Rent(key);
        var keep = false;
        try
        {
            var request = new HostRequest
            {
                Kind = HostRequest.RunKind,
                Rule = index,
                DocumentKey = key,
                Path = document.Path,
                Text = host.LastDocumentKey == key ? null : document.Text,
            };
            host.LastDocumentKey = null;
            var response = host.Call(request, Timeout(rules: 1));
            host.LastDocumentKey = key;
            // After an out-of-memory the host's heap may still be full of what the rule kept: start afresh.
            keep = !(response.Kind == HostResponse.StoppedKind && response.Detail?.Contains("memory", StringComparison.Ordinal) == true);
            return response;
        }
        finally
        {
            if (keep)
                Return(host);
            else
                Drop(host);
        }
    }

    private TimeSpan Timeout(int rules) => _limits.Budget * rules + RuleHostLimits.Grace;

    private HostRequest LoadRequest() => new()
    {
        Kind = HostRequest.LoadKind,
        Image = _image,
        AssemblyName = _assemblyName,
        BudgetSeconds = _limits.Budget.TotalSeconds,
        // One document's allocations may use most of the heap, not more: the rule is stopped before the host is.
        AllocationBytes = _limits.MemoryBytes * 3 / 4,
    };

    private RuleHostProcess Rent(string documentKey)
    {
        _slots.Wait();
        lock (_idle)
        {
            _lastUse = DateTime.UtcNow;
            ObjectDisposedException.ThrowIf(_disposed, this);
            var host = _idle.FirstOrDefault(h => h.LastDocumentKey == documentKey) ?? _idle.FirstOrDefault();
            if (host is not null)
            {
                _idle.Remove(host);
                if (!host.HasEnded)
                    return host;
                host.Dispose();
            }
        }
        try
        {
            var fresh = RuleHostProcess.Start(_limits.MemoryBytes);
            var loaded = fresh.Call(LoadRequest(), Timeout(rules: 8));
            if (loaded.Kind != HostResponse.LoadedKind)
            {
                fresh.Dispose();
                throw new RuleHostCrashedException("the rule host could not load the rules again");
            }
            return fresh;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private void Return(RuleHostProcess host)
    {
        lock (_idle)
        {
            if (_disposed || host.HasEnded)
                host.Dispose();
            else
                _idle.Add(host);
        }
        _slots.Release();
    }

    private void Drop(RuleHostProcess host)
    {
        host.Dispose();
        _slots.Release();
    }

    private void EndIdle()
    {
        lock (_idle)
        {
            if (DateTime.UtcNow - _lastUse < IdleTimeout)
                return;
            foreach (var host in _idle)
                host.Dispose();
            _idle.Clear();
        }
    }

    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            foreach (var host in _idle)
                host.Dispose();
            _idle.Clear();
        }
        _idleTimer.Dispose();
    }
}
