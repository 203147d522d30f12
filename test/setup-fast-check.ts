/**
 * fast-check, configured once for every test file (vitest `setupFiles`).
 *
 * An array arbitrary given a `maxLength` but no `size` generates at most
 * about ten elements more than its `minLength` by default (fast-check's
 * `size` is "small"): a property written for event sequences of up to 40 or
 * 60 steps ran sequences of up to ten. With this setting, a given
 * `maxLength` is what is generated (up to it); arrays without one keep the
 * small default.
 */
import fc from "fast-check";

fc.configureGlobal({ ...fc.readConfigureGlobal(), defaultSizeToMaxWhenMaxSpecified: true });
