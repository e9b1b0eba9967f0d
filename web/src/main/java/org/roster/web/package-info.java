/** The HTTP admin API: controllers over the application's inbound ports. */
package org.roster.web;
