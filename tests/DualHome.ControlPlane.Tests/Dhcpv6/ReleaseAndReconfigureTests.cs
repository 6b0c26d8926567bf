using DualHome.ControlPlane.Dhcpv6;
using DualHome.Wire.Dhcpv6;

namespace DualHome.ControlPlane.Tests.Dhcpv6;

/// <summary>Release only when told (§18.2.7), Reconfigure always refused (§18.2.11), Stop.</summary>
public class ReleaseAndReconfigureTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public async Task ReleaseAsync_StopsUsingThePrefixFirst_ThenCompletesOnTheReply()
    {
        using var h = new ClientHarness();
        h.Bind();
        Task released = h.Client.ReleaseAsync();

        // §18.2.7: "The client MUST stop using all of the leases being released before ... the Release".
        Assert.Equal(DelegationChangeKind.Lost, h.Changes[^1].Kind);
        Assert.False(h.Client.HasValidDelegation);
        Assert.Equal(Dhcpv6ClientState.Releasing, h.State);
        SentMessage release = h.Transport.Last;
        Assert.Equal(Dhcpv6MessageType.Release, release.Type);
        Assert.Equal(FakeServer.Kea.Duid, release.Message.ServerId);
        Assert.Null(release.Message.RequestedOptions);
        Assert.Equal(new IaPd(1, 0, 0, [new IaPrefix(FakeServer.PrefixA, 0, 0)]), release.Message.IaPds.Single());
        Assert.False(released.IsCompleted);

        // §18.2.10.2: complete "regardless of the Status Code option(s)": here NoBinding, as Kea answers a second Release.
        h.Deliver(FakeServer.Kea.ReplyWithIaStatus(release.Message, Dhcpv6StatusCode.NoBinding));
        await released.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(Dhcpv6ClientState.Idle, h.State);
        h.Advance(S(5000), S(1));
        Assert.Single(h.Transport.OfType(Dhcpv6MessageType.Release));
        Assert.Empty(h.Transport.OfType(Dhcpv6MessageType.Renew));
    }

    [Fact]
    public async Task UnansweredRelease_IsSentRelMaxRcTimes_ThenGivesUp()
    {
        using var h = new ClientHarness();
        h.Bind();
        Task released = h.Client.ReleaseAsync();
        h.Advance(S(40), TimeSpan.FromMilliseconds(10));
        await released.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var releases = h.Transport.OfType(Dhcpv6MessageType.Release).ToList();
        Assert.Equal(Dhcpv6Timing.RelMaxRc, releases.Count); // REL_MAX_RC 5, REL_TIMEOUT 1 s, no MRT
        Assert.InRange((releases[^1].At - releases[0].At).TotalSeconds, 0.9 * 15 - 0.1, 1.1 * 15 + 0.1);
        Assert.Equal(Dhcpv6ClientState.Idle, h.State);
    }

    [Fact]
    public async Task Release_WithoutABinding_IsIdleAtOnce()
    {
        using var h = new ClientHarness();
        h.Client.Start();
        await h.Client.ReleaseAsync().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(Dhcpv6ClientState.Idle, h.State);
        Assert.Empty(h.Transport.OfType(Dhcpv6MessageType.Release));
    }

    [Fact]
    public void NothingIsReleased_UnlessTold()
    {
        using var h = new ClientHarness();
        h.Bind();
        h.Advance(S(3600 * 3), S(1));
        h.Client.Stop();
        Assert.Empty(h.Transport.OfType(Dhcpv6MessageType.Release));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reconfigure_IsRefusedAndCounted_AuthenticatedOrNot(bool authenticated)
    {
        using var h = new ClientHarness();
        h.Bind();
        int sent = h.Transport.Sent.Count;
        var reconfigure = new Dhcpv6Message
        {
            Type = Dhcpv6MessageType.Reconfigure,
            ClientId = ClientHarness.DefaultIdentity.Duid,
            ServerId = FakeServer.Kea.Duid,
            ReconfigureMessage = Dhcpv6MessageType.Renew,
            Authentication = authenticated ? new Dhcpv6Authentication(3, 1, 0, 7, new byte[17]) : null,
        };

        Assert.Equal(Dhcpv6ReceiveResult.ReconfigureRefused, h.Deliver(reconfigure.ToBytes()));
        Assert.Equal(Dhcpv6ReceiveResult.ReconfigureRefused, h.Deliver(reconfigure.ToBytes()));

        Assert.Equal(2, h.Client.Counters.ReconfigureRefused);
        Assert.Equal(2, h.Client.Counters.Received(Dhcpv6ReceiveResult.ReconfigureRefused));
        Assert.Equal(Dhcpv6ClientState.Bound, h.State); // no Renew because a server said so
        Assert.Equal(sent, h.Transport.Sent.Count);
    }

    [Fact]
    public void Stop_SendsNothingMore_AndDropsTheDelegation()
    {
        using var h = new ClientHarness();
        h.Bind();
        h.Client.Stop();
        Assert.Equal(Dhcpv6ClientState.Idle, h.State);
        Assert.Equal(DelegationChangeKind.Lost, h.Changes[^1].Kind);
        int sent = h.Transport.Sent.Count;
        h.Advance(S(7200), S(1));
        Assert.Equal(sent, h.Transport.Sent.Count);

        h.Client.Start(); // and can start again
        h.Next(Dhcpv6MessageType.Solicit, S(2));
    }

    [Fact]
    public void EventsAreRaisedOutsideTheLock_SoASubscriberMayCallBack()
    {
        using var h = new ClientHarness();
        var seen = new List<(Dhcpv6ClientState, bool)>();
        h.Client.DelegationChanged += _ => seen.Add((h.Client.State, h.Client.HasValidDelegation));
        h.Bind();
        Assert.Equal((Dhcpv6ClientState.Bound, true), Assert.Single(seen));
    }
}
