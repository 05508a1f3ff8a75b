/**
 * Java source from Avro schemas: {@link io.flowodm.codegen.RecordSourceGenerator} writes the
 * FlowODM records, enums and sealed interfaces whose generated schema is the input schema.
 */
package io.flowodm.codegen;
