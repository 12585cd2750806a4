/**
 * The documentation kept true by the build: the README's walk-through, run against a real
 * server and compared answer by answer.
 */
package com.tenx.skills.docs;
