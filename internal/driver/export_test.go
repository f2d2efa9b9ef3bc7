package driver

// ResolveAll exposes the compile phase without the checks to the tests of this package.
var ResolveAll = resolveAll
