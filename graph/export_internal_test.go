package graph

// Internals that the tests in package graph_test drive over HTTP.

// LimitInFlight is limitInFlight, for a test with a handler that holds its slot until told.
var LimitInFlight = limitInFlight
