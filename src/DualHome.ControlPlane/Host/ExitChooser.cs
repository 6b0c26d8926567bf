using System.Net;
using DualHome.Config.Host;

namespace DualHome.ControlPlane.Host;

/// <summary>What the host does with one prefix's address (issue 11).</summary>
public enum ExitUse
{
    /// <summary>Preferred for new connections; an MPTCP subflow endpoint.</summary>
    Use,
    /// <summary>Clearly worse than another working exit: deprecated locally (new connections prefer the better prefix,
    /// RFC 6724 rule 3) and an MPTCP backup endpoint (carries data only when no other subflow does).</summary>
    Worse,
    /// <summary>Its probes fail: deprecated locally and no MPTCP endpoint (the kernel closes its subflows, so MPTCP
    /// moves the data at once instead of waiting out retransmissions).</summary>
    Dead,
}

/// <summary>One exit as the chooser sees it: its prefix, whether its probes say it works, and its recent quality.</summary>
public sealed record ExitView(IPNetwork Prefix, bool Up, ExitQuality Quality);

/// <summary>
/// Exit selection (issue 11): a dead exit is avoided; among working ones, one that is clearly worse than another is
/// avoided for new connections — loss of at least <see cref="ExitConfig.LossFraction"/> while the other loses under
/// half of that, or a median RTT above the other's × <see cref="ExitConfig.RttFactor"/> + <see cref="ExitConfig.RttMargin"/>.
/// It comes back only when it is within half the loss threshold and within the factor (no margin): hysteresis, so an
/// exit near a threshold does not flap. Otherwise both are used (balance: RFC 6724 picks per connection, MPTCP spreads
/// over both subflows). Never avoids every working exit.
/// </summary>
public sealed class ExitChooser(ExitConfig config)
{
    private readonly HashSet<IPNetwork> _worse = [];

    public IReadOnlyDictionary<IPNetwork, ExitUse> Decide(IReadOnlyList<ExitView> exits)
    {
        var up = exits.Where(e => e.Up).ToList();
        foreach (var e in up) Transition(e, up);
        _worse.IntersectWith(up.Select(e => e.Prefix));
        if (up.Count > 0 && up.All(e => _worse.Contains(e.Prefix))) _worse.Clear();
        return exits.ToDictionary(e => e.Prefix, e => !e.Up ? ExitUse.Dead : _worse.Contains(e.Prefix) ? ExitUse.Worse : ExitUse.Use);
    }

    private void Transition(ExitView exit, List<ExitView> up)
    {
        if (!config.Enabled || !exit.Quality.Full) { _worse.Remove(exit.Prefix); return; }
        var others = up.Where(o => o.Prefix != exit.Prefix && o.Quality.Full).ToList();
        if (_worse.Contains(exit.Prefix)) { if (!others.Any(o => StillWorse(exit.Quality, o.Quality))) _worse.Remove(exit.Prefix); }
        else if (others.Any(o => ClearlyWorse(exit.Quality, o.Quality))) _worse.Add(exit.Prefix);
    }

    private bool ClearlyWorse(ExitQuality a, ExitQuality b) =>
        (a.Loss >= config.LossFraction && b.Loss < config.LossFraction / 2)
        || (a.MedianRtt is { } ra && b.MedianRtt is { } rb && b.Loss < config.LossFraction && ra > rb * config.RttFactor + config.RttMargin);

    private bool StillWorse(ExitQuality a, ExitQuality b) =>
        (a.Loss >= config.LossFraction / 2 && b.Loss < config.LossFraction / 2)
        || (a.MedianRtt is { } ra && b.MedianRtt is { } rb && ra > rb * config.RttFactor);
}
