/**
 * The golden catalogue: records that together use every row of the type mapping table and every
 * schema annotation. Their schemas are compared with the checked-in files under
 * {@code src/test/resources/golden/}. The package's {@code @Namespace} is the default namespace of
 * every record here that has none of its own.
 */
@Namespace("com.acme.golden")
package io.flowodm.schema.golden;

import io.flowodm.annotation.Namespace;
