/** The Kiln monitor: boots native images on /dev/kvm through the FFM API. */
package dev.kiln.vmm;
