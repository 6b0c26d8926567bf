using DualHome.Hardware.Status;

namespace DualHome.Hardware.Tests.Status;

public class UplinkLedBindingTests
{
    private static readonly Dictionary<LedRole, string> Ports = new() { [LedRole.WanA] = "eth0", [LedRole.WanB] = "eth2" };

    [Fact]
    public void LedsFollowTheirPortsWhateverTheUplinksAreCalled() =>
        Assert.Equal(new Dictionary<LedRole, string> { [LedRole.WanA] = "fiber", [LedRole.WanB] = "cable" },
            UplinkLedBinding.Bind(Ports, [("cable", "eth2"), ("fiber", "eth0")]));

    [Fact]
    public void UnmatchedLedsTakeTheRemainingUplinksInOrder() =>
        Assert.Equal(new Dictionary<LedRole, string> { [LedRole.WanA] = "a", [LedRole.WanB] = "b" },
            UplinkLedBinding.Bind(Ports, [("a", "wana"), ("b", "wanb")]));

    [Fact]
    public void OneMatchAndOneByOrder() =>
        Assert.Equal(new Dictionary<LedRole, string> { [LedRole.WanA] = "b", [LedRole.WanB] = "a" },
            UplinkLedBinding.Bind(Ports, [("a", "usb0"), ("b", "eth0")]));

    [Fact]
    public void FewerUplinksThanLedsLeavesALedUnbound() =>
        Assert.Equal(new Dictionary<LedRole, string> { [LedRole.WanA] = "a" },
            UplinkLedBinding.Bind(new Dictionary<LedRole, string>(), [("a", "x")]));
}
