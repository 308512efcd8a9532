/**
 * The live dashboard (kiln daemon --dashboard-addr): a web page listing the VMs and plotting
 * their figures, served read-only on TCP. {@link dev.kiln.engine.dashboard.DashboardServer}
 * serves the page, its assets (uPlot, bundled from its webjar) and two JSON routes;
 * {@link dev.kiln.engine.dashboard.DashboardReader} builds the JSON from the same VmSample
 * reading the metrics use; the page itself keeps the last minutes of readings and draws them.
 */
package dev.kiln.engine.dashboard;
