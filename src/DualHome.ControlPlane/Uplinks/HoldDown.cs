namespace DualHome.ControlPlane.Uplinks;

/// <summary>Flap damping: the extra time a recovering uplink must keep answering, beyond UpAfter rounds, before it
/// is Up again. Times are monotonic (<see cref="MonotonicClock"/>); the owner reports each Up and each Down.</summary>
/// <remarks>
/// The rule, exactly:
/// <list type="number">
/// <item>The hold-down H starts at 0. Down → Up needs UpAfter answered rounds in a row, and those answered rounds
/// must have lasted H (any silent round restarts them).</item>
/// <item>An Up → Down after less than <see cref="StableTime"/> (60 s) Up is a flap: H becomes max(1 s, 2H), at most
/// <see cref="Max"/> (60 s). An Up → Down after a longer time Up does not change H (beyond rule 3).</item>
/// <item>While Up, H halves for every full <see cref="StableTime"/> Up; a value below 1 s is 0. H does not decay
/// while Down: a suppressed, still flapping uplink keeps its hold-down until it proves itself.</item>
/// </list>
/// Why, stated in the manner of RFC 5880 §6.8.3 (each timer rule with the reason it exists):
/// a prefix that turns preferred → deprecated → preferred makes every host move its new connections back and
/// forth (RFC 6724 rule 3), and each move costs the connections opened in between once the ISP fails again.
/// An uplink that failed once after a stable period is most likely fixed when it answers again, so it returns after
/// UpAfter rounds alone (H = 0) and the other ISP carries the load for no longer than needed. An uplink that fails
/// again within a minute of coming back is flapping, and each further flap doubles the proof it must give: an ISP
/// that is up for 5 s in every 10 s is held down once H exceeds 5 s, instead of renumbering the site every 10 s.
/// The cap bounds the cost of a false alarm to 60 s on a good uplink; decaying only while Up (one halving per
/// stable minute, so 60 s → 0 in six minutes) forgets a past episode once the uplink has shown it is stable.
/// </remarks>
public sealed class HoldDown
{
    /// <summary>The first hold-down after a flap, and the smallest non-zero one.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);

    /// <summary>Issue 3: bounded, at most 60 s.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    /// <summary>Up for less than this before failing is a flap; each full period Up halves the hold-down.</summary>
    public static readonly TimeSpan StableTime = TimeSpan.FromSeconds(60);

    private TimeSpan _value;
    private TimeSpan? _upSince;

    /// <summary>The hold-down a recovery would have to serve at <paramref name="now"/>.</summary>
    public TimeSpan Current(TimeSpan now) => _upSince is { } since ? Decay(_value, now - since) : _value;

    public void OnUp(TimeSpan now) => _upSince = now;

    /// <summary>Applies rule 2 (and the decay earned so far). Returns whether H grew, i.e. this was a flap.</summary>
    public bool OnDown(TimeSpan now)
    {
        if (_upSince is not { } since) return false; // Starting → Down: never up, nothing flapped
        _value = Current(now);
        _upSince = null;
        if (now - since >= StableTime) return false;
        var grown = _value == TimeSpan.Zero ? Initial : _value * 2;
        _value = grown > Max ? Max : grown;
        return true;
    }

    private static TimeSpan Decay(TimeSpan value, TimeSpan stableFor)
    {
        long halvings = stableFor.Ticks / StableTime.Ticks;
        var decayed = halvings >= 32 ? TimeSpan.Zero : TimeSpan.FromTicks(value.Ticks >> (int)halvings);
        return decayed < Initial ? TimeSpan.Zero : decayed;
    }
}
