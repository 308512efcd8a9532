/** The measurements behind `kiln bench`. */
package dev.kiln.bench;
