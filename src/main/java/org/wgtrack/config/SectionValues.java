package org.wgtrack.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.wgtrack.wg.Endpoint;

/** The validated settings written in one section (inherited {@code [DEFAULT]} keys not included). */
final class SectionValues {

    static final SectionValues NONE = new SectionValues(Map.of());

    private final Map<Setting, Object> values;

    private SectionValues(Map<Setting, Object> values) {
        this.values = values;
    }

    static SectionValues of(Map<Setting, Object> values) {
        return values.isEmpty() ? NONE : new SectionValues(new EnumMap<>(values));
    }

    /** The value set here, else the fallback; the type is the one {@link Setting#parse} gives for the key. */
    @SuppressWarnings("unchecked")
    <T> T getOr(Setting setting, T fallback) {
        Object value = values.get(setting);
        return value == null ? fallback : (T) value;
    }

    /** This section's value laid over {@code base}: the lookup step of one level. */
    TrackingParams over(TrackingParams base) {
        return new TrackingParams(
                getOr(Setting.PING_INTERVAL, base.pingInterval()),
                getOr(Setting.PING_FAILAFTERNUM, base.pingFailAfterNum()),
                getOr(Setting.PING_TIMEOUT, base.pingTimeout()),
                getOr(Setting.PING_ADDRESS, base.pingAddress()),
                getOr(Setting.CYCLES_WAIT, base.cyclesWait()),
                getOr(Setting.CYCLES_CHECKING, base.cyclesChecking()),
                getOr(Setting.CYCLES_CHECKPERIOD, base.cyclesCheckPeriod()),
                getOr(Setting.CYCLES_SLOWCHECKINGPERIOD, base.cyclesSlowCheckingPeriod()),
                getOr(Setting.ADDRESS_FAMILY, base.addressFamily()),
                getOr(Setting.TRACK, base.track()),
                getOr(Setting.HANDSHAKE_TIMEOUT, base.handshakeTimeout()),
                base.name());
    }

    /** The endpoint written in this very peer section. */
    Optional<Endpoint> ownEndpoint() {
        return getOr(Setting.ENDPOINT, Optional.<Endpoint>empty());
    }

    /** The name written in this very section; names are never inherited. */
    Optional<String> ownName() {
        return getOr(Setting.NAME, Optional.<String>empty());
    }
}
