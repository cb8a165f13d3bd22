package io.switchboard.testsupport;

/**
 * The provider documents' payload examples ({@code shared/provider-docs}), as the
 * providers send them, shared by every module's tests. The MiniVoice examples are byte
 * for byte as in the docs, without a trailing newline (known-answer signatures depend on
 * it).
 */
public final class ProviderPayloads {

	public static final String MINIVOICE_CALL_COMPLETED = """
			{
			"event": "call.completed",
			"created_at": "2026-05-29T12:10:00Z",
			"call": {
			"id": "call_123",
			"customer_id": "cust_123",
			"application_id": "app_123",
			"status": "completed",
			"direction": "inbound",
			"from": "+15551230001",
			"to": "+15551230002"
			},
			"variables": {},
			"data": {}
			}""";

	public static final String MINIVOICE_CALL_CREATED = """
			{
			"event": "call.created",
			"created_at": "2026-05-29T12:00:00Z",
			"call": {
			"id": "call_123",
			"customer_id": "cust_123",
			"application_id": "app_123",
			"provider_call_id": "uuid",
			"status": "in_progress",
			"direction": "outbound",
			"from": "+15551230001",
			"to": "+15551230002",
			"route_mode": "webhook",
			"routing_target": "app_123"
			},
			"variables": {},
			"data": {
			"event_key": "call_123:call.created"
			}
			}""";

	// the documentation's example, with its typo "list_name: " corrected to "list_name":
	// "
	public static final String MINARI_CALL_COMPLETED = """
			{
			"event": "call.completed",
			"call": {
			"ended_at": "2025-12-17T14:30:00.000Z",
			"status": "connected",
			"direction": "outgoing",
			"duration_seconds": 180,
			"from_number": "+33100000000",
			"to_number": "+33600000000",
			"recording_url": "https://app.minari.ai/api/webhook-assets/recording/550e8400-e29b-41d4-a716-446655440000?expires=1734567890&sig=abc123",
			"transcript_url": "https://app.minari.ai/api/webhook-assets/transcript/550e8400-e29b-41d4-a716-446655440000?expires=1734567890&sig=abc123",
			"summary": "Discussed pricing options. Prospect is interested but needs internal approval before moving forward. Follow-up scheduled for next week."
			},
			"prospect": {
			"first_name": "John",
			"last_name": "Doe",
			"email": "john.doe@example.com",
			"company": "Acme Inc",
			"job_title": "Software Engineer",
			"crm_contact_id": "123",
			"crm_company_id": "456"
			},
			"user": {
			"name": "Jane Smith",
			"email": "jane@yourcompany.com"
			},
			"list": {
			"list_name": "Q1 Outbound Campaign",
			"list_id": "123"
			}
			}""";

	private ProviderPayloads() {
	}

}
