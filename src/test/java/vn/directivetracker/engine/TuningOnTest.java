package vn.directivetracker.engine;

/** The journey with the engine tunings on, as the product runs: the shared test context. */
class TuningOnTest extends TuningScenario {
}
