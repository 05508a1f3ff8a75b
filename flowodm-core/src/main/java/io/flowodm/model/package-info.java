/** {@link io.flowodm.model.Model}: a record class bound to its topic, key, schema and codec. */
package io.flowodm.model;
