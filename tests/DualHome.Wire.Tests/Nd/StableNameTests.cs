using DualHome.Wire.Nd;

namespace DualHome.Wire.Tests.Nd;

public class StableNameTests
{
    [Fact]
    public void EveryReadResult_HasItsOwnSnakeCaseName()
    {
        string[] names = Enum.GetValues<NdReadResult>().Select(r => r.ToStableName()).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9_]+$", n));
        Assert.DoesNotContain("unknown", names);
        Assert.Equal("bad_hop_limit", NdReadResult.BadHopLimit.ToStableName());
    }

    [Fact]
    public void EveryOptionFault_HasItsOwnSnakeCaseName()
    {
        string[] names = Enum.GetValues<NdOptionFault>().Select(f => f.ToStableName()).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9_]+$", n));
        Assert.DoesNotContain("unknown", names);
    }
}
