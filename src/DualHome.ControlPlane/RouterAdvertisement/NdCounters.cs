using System.Collections.Concurrent;

namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>What the RA engine received and sent, and why it dropped what it dropped (by reason name).</summary>
public sealed class NdCounters
{
    private readonly ConcurrentDictionary<string, long> _drops = new();
    private long _sent, _solicitations, _foreignAdvertisements, _sendErrors;

    public long Sent => Interlocked.Read(ref _sent);
    public long Solicitations => Interlocked.Read(ref _solicitations);
    public long ForeignAdvertisements => Interlocked.Read(ref _foreignAdvertisements);
    public long SendErrors => Interlocked.Read(ref _sendErrors);
    public IReadOnlyDictionary<string, long> Drops => _drops;
    public long TotalDrops => _drops.Values.Sum();

    internal void CountSent() => Interlocked.Increment(ref _sent);
    internal void CountSolicitation() => Interlocked.Increment(ref _solicitations);
    internal void CountForeignAdvertisement() => Interlocked.Increment(ref _foreignAdvertisements);
    internal void CountSendError() => Interlocked.Increment(ref _sendErrors);
    /// <summary>Returns the new count for this reason, so the caller can log the first and then rarely.</summary>
    internal long CountDrop(string reason) => _drops.AddOrUpdate(reason, 1, (_, n) => n + 1);
}
