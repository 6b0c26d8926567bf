namespace DualHome.Linux.Tests.Packet;

/// <summary>
/// Tests that count process-wide resources (descriptors, mappings) or measure throughput run alone,
/// after the parallel ones, so other tests neither disturb nor are disturbed by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialPacketTests
{
    public const string Name = "packet tests run alone";
}
