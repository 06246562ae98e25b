/**
 * The RaaS v1 sandbox. Persistence: Panache entities, except on the hot path of placing an order: its
 * row is inserted by one native statement ({@code SandboxOrder.insert}) and identifiers come from
 * database sequences read in blocks ({@code RaasIds}).
 */
package dev.accolade.raas.sandbox;
