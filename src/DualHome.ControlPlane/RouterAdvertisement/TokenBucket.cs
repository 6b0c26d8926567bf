namespace DualHome.ControlPlane.RouterAdvertisement;

/// <summary>A token bucket on caller-supplied time: used to bound replies to traffic we do not control.</summary>
public sealed class TokenBucket
{
    private readonly double _capacity, _perSecond;
    private double _tokens;
    private DateTimeOffset? _last;

    public TokenBucket(double capacity, double perSecond) => (_capacity, _perSecond, _tokens) = (capacity, perSecond, capacity);

    public bool TryTake(DateTimeOffset now)
    {
        if (_last is { } last)
            _tokens = Math.Min(_capacity, _tokens + (now - last).TotalSeconds * _perSecond);
        _last = now;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
